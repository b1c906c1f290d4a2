package io.hardformer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as a user meets it: outputs, one-line errors, exit codes. */
class CliTest {
  @TempDir Path tmp;

  private static CliRun run(String... args) {
    return CliRun.of(args);
  }

  @Test
  void generatesVerilogFilelistAndManifest() throws Exception {
    CliRun r =
        run("generate", "adder-tree", "--width", "4", "--depth", "2", "--out", tmp.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(Files.exists(tmp.resolve("AdderTree.v")));
    assertTrue(Files.readString(tmp.resolve("AdderTree.f")).contains("AdderStage_width4.v"));
    String manifest = Files.readString(tmp.resolve("manifest.json"));
    assertTrue(manifest.contains("\"top\" : \"AdderTree\""), manifest);
    assertTrue(manifest.contains("\"latency\" : 2"), manifest);
    assertTrue(
        Files.readString(tmp.resolve("AdderTree.v"))
            .contains("generator 'adder-tree' with width=4, depth=2"));
  }

  @Test
  void unknownDesignIsOneLineNamingTheChoicesWithExitCode2() {
    CliRun r = run("generate", "systolic", "--out", tmp.toString());
    assertEquals(ExitCodes.USAGE, r.code());
    assertEquals(1, r.err().strip().lines().count(), r.err());
    assertTrue(
        r.err().contains("unknown design 'systolic'; valid designs: counter, adder-tree"), r.err());
  }

  @Test
  void optionOutOfRangeNamesOptionValueAndRange() {
    CliRun r = run("generate", "fifo", "--addr-bits", "0", "--out", tmp.toString());
    assertEquals(ExitCodes.USAGE, r.code());
    assertTrue(r.err().contains("option '--addr-bits' must be between 1 and 10, got 0"), r.err());
    assertFalse(r.err().contains("at io.hardformer"), "no stack trace");
  }

  @Test
  void unwritableOutputIsADesignErrorWithoutStackTrace() throws Exception {
    Path file = Files.writeString(tmp.resolve("a-file"), "x");
    CliRun r = run("generate", "counter", "--out", file.resolve("sub").toString());
    assertEquals(ExitCodes.DESIGN_ERROR, r.code(), r.err());
    assertTrue(
        r.err().startsWith("hardformer: cannot write into output folder " + file.resolve("sub")),
        r.err());
    assertTrue(r.err().contains("Not a directory"), r.err());
    assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
  }

  @Test
  void generateReplacesItsPreviousFilesAndKeepsTheUsers() throws Exception {
    Path out = tmp.resolve("gen");
    assertEquals(
        0,
        run("generate", "adder-tree", "--width", "4", "--depth", "2", "--out", out.toString())
            .code());
    Files.writeString(out.resolve("my-notes.txt"), "mine");
    CliRun r = run("generate", "counter", "--width", "8", "--out", out.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(Files.exists(out.resolve("Counter.v")));
    assertFalse(Files.exists(out.resolve("AdderTree.v")), "the previous run's Verilog is removed");
    assertFalse(Files.exists(out.resolve("AdderTree.f")));
    assertEquals("mine", Files.readString(out.resolve("my-notes.txt")));
    assertTrue(Files.readString(out.resolve("manifest.json")).contains("\"top\" : \"Counter\""));
  }

  @Test
  void aSecondRunIntoALockedOutputFolderFailsInOneLine() throws Exception {
    Path out = tmp.resolve("busy");
    try (io.hardformer.cli.output.OutputDirectory held =
        io.hardformer.cli.output.OutputDirectory.open(out, "tile")) {
      CliRun r = run("generate", "counter", "--out", out.toString());
      assertEquals(ExitCodes.DESIGN_ERROR, r.code(), r.err());
      assertEquals(1, r.err().strip().lines().count(), r.err());
      assertTrue(r.err().contains("is in use by another hardformer run"), r.err());
      r = run("--out", out.toString(), "--no-check");
      assertEquals(ExitCodes.DESIGN_ERROR, r.code(), r.err());
      assertTrue(r.err().contains("is in use by another hardformer run"), r.err());
    }
    assertFalse(Files.exists(out.resolve("Counter.v")));
  }

  @Test
  void aTileRunWithFewerUnitsRemovesTheDroppedUnitsFiles() throws Exception {
    Path out = tmp.resolve("tile");
    Path two =
        Files.writeString(
            tmp.resolve("two.yaml"),
            "units:\n"
                + "  - {name: a, design: counter, options: {width: 4}}\n  - {name: b, design: counter, options: {width: 5}}\n");
    assertEquals(0, run("--config", two.toString(), "--out", out.toString(), "--no-check").code());
    assertTrue(Files.exists(out.resolve("b/Counter_width5.f")));
    assertTrue(Files.exists(out.resolve("Counter_width5.v")));
    Path one =
        Files.writeString(
            tmp.resolve("one.yaml"),
            "units:\n  - {name: a, design: counter, options: {width: 4}}\n");
    CliRun r = run("--config", one.toString(), "--out", out.toString(), "--no-check");
    assertEquals(0, r.code(), r.err());
    assertTrue(Files.exists(out.resolve("a/Counter.f")));
    assertTrue(Files.exists(out.resolve("Counter.v")), "one counter left: no suffix needed");
    assertFalse(Files.exists(out.resolve("b")), "unit b of the previous run is gone");
    assertFalse(Files.exists(out.resolve("Counter_width5.v")), "and so is its module");
  }

  @Test
  void everyDocumentedMaxKGeneratesWithAnArea() throws Exception {
    for (String maxK : new String[] {"1", "1000", "1024", "16777216"}) {
      for (String format : new String[] {"e4m3", "e5m2"}) {
        CliRun r =
            run(
                "generate",
                "fma-array",
                "--rows",
                "2",
                "--cols",
                "2",
                "--format",
                format,
                "--acc",
                "exact",
                "--max-k",
                maxK,
                "--out",
                tmp.resolve("k" + maxK + format).toString(),
                "--json");
        assertEquals(0, r.code(), maxK + " " + format + ": " + r.err());
        assertTrue(
            new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree(r.out())
                    .get("area")
                    .get("nand2Equivalents")
                    .asDouble()
                > 0,
            r.out());
      }
    }
    CliRun r =
        run(
            "area",
            "fma-array",
            "--rows",
            "2",
            "--cols",
            "2",
            "--format",
            "e4m3",
            "--acc",
            "exact",
            "--max-k",
            "1000");
    assertEquals(0, r.code(), r.err());
  }

  @Test
  void helpListsDesignsAndExamples() {
    CliRun r = run("generate", "--help");
    assertEquals(0, r.code());
    for (String d :
        new String[] {"counter", "adder-tree", "int-mac", "register-slice", "pipeline", "fifo"}) {
      assertTrue(r.out().contains(d), d);
    }
    assertTrue(r.out().contains("Examples:"));
  }

  @Test
  void defaultJobWritesTheTileAndPrintsASummary() throws Exception {
    CliRun r = run("--out", tmp.toString(), "--no-check");
    assertEquals(0, r.code(), r.err());
    for (String s :
        new String[] {
          "fma-array",
          "attention",
          "FMAs",
          "NAND2 eq",
          "transistors",
          "mm^2",
          "per matmul",
          "per step",
          "tok/s",
          "self-check: not run"
        }) {
      assertTrue(r.out().contains(s), s + " in\n" + r.out());
    }
    com.fasterxml.jackson.databind.JsonNode m =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(tmp.resolve("manifest.json").toFile());
    assertEquals(6, m.get("units").size()); // fma-array, attention, vector, rmsnorm, swiglu, rope
    assertEquals(4 * 4 * 16 + 2 * 8 * 128, m.get("total").get("fmaCount").asLong());
    assertTrue(Files.exists(tmp.resolve("fma-array/fma_array.f")));
    assertTrue(Files.exists(tmp.resolve("attention/attention.f")));
    assertTrue(Files.exists(tmp.resolve("rmsnorm/manifest.json")));
    assertEquals("tile_top", m.get("top").asText());
    assertTrue(Files.exists(tmp.resolve("tile_top.f")));
    assertTrue(Files.exists(tmp.resolve("fma_array.v")));
    assertTrue(m.get("estimate").get("dieTokensPerSecondPer8Chips").asLong() > 0);
  }

  @Test
  void configFileInYamlOrJsonChoosesTheUnits() throws Exception {
    Path yaml = tmp.resolve("tile.yaml");
    Files.writeString(
        yaml,
        "name: small\nunits:\n  - name: mac\n    design: fma-array\n"
            + "    options: {rows: 2, cols: 3, format: e5m2, acc: exact}\n");
    CliRun r =
        run(
            "--config",
            yaml.toString(),
            "--out",
            tmp.resolve("y").toString(),
            "--no-check",
            "--json");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("\"tile\" : \"small\""), r.out());
    assertTrue(Files.exists(tmp.resolve("y/fma_array.v")));
    assertTrue(Files.exists(tmp.resolve("y/mac/fma_array.f")));
    Path json = tmp.resolve("tile.json");
    Files.writeString(
        json, "{\"units\": [{\"design\": \"fp8-mul\", \"options\": {\"format\": \"e4m3\"}}]}");
    r = run("--config", json.toString(), "--out", tmp.resolve("j").toString(), "--no-check");
    assertEquals(0, r.code(), r.err());
    assertTrue(Files.exists(tmp.resolve("j/fp8-mul/manifest.json")));
  }

  @Test
  void configFileErrorsNameTheFileAndKey() throws Exception {
    Path bad = tmp.resolve("bad.yaml");
    Files.writeString(
        bad,
        "units:\n  - design: fma-array\n    options: {rows: 0, cols: 2, format: e4m3, acc: exact}\n");
    CliRun r = run("--config", bad.toString(), "--out", tmp.resolve("b").toString(), "--no-check");
    assertEquals(ExitCodes.USAGE, r.code());
    assertTrue(
        r.err().contains("bad.yaml")
            && r.err().contains("--rows")
            && r.err().contains("between 1 and 1024"),
        r.err());
    assertFalse(r.err().contains("at io.hardformer"), r.err());
    Files.writeString(bad, "units:\n  - design: fma-arry\n");
    r = run("--config", bad.toString(), "--out", tmp.resolve("b").toString(), "--no-check");
    assertEquals(ExitCodes.USAGE, r.code());
    assertTrue(
        r.err().contains("unknown design 'fma-arry'") && r.err().contains("fma-array"), r.err());
    Files.writeString(bad, "unit: []\n");
    r = run("--config", bad.toString(), "--no-check");
    assertTrue(r.err().contains("unknown key 'unit'"), r.err());
    Files.writeString(bad, "units: [\n");
    r = run("--config", bad.toString(), "--no-check");
    assertEquals(ExitCodes.USAGE, r.code());
    assertTrue(r.err().contains("not valid YAML"), r.err());
  }

  @Test
  void everyCommandHasExamplesAndJson() {
    for (String[] cmd :
        new String[][] {
          {"--help"},
          {"generate", "--help"},
          {"area", "--help"},
          {"estimate", "--help"},
          {"rules", "--help"},
          {"generate", "fma-array", "--help"},
          {"generate", "attention", "--help"}
        }) {
      CliRun r = run(cmd);
      assertEquals(0, r.code(), String.join(" ", cmd));
      assertTrue(r.out().contains("Example"), String.join(" ", cmd) + ":\n" + r.out());
    }
    assertTrue(run("rules", "--json").out().trim().startsWith("["));
    assertTrue(run("estimate", "--json", "--no-claims").out().contains("\"tokensPerSecond\""));
    assertTrue(
        run("area", "fp8-mul", "--format", "e4m3", "--json")
            .out()
            .contains("\"nand2Equivalents\""));
    assertTrue(
        run("generate", "counter", "--width", "4", "--out", tmp.resolve("c").toString(), "--json")
            .out()
            .contains("\"files\""));
  }

  @Test
  void estimateExplainsTheClaimsAndReportsErrorsPlainly() {
    CliRun r = run("estimate");
    assertEquals(0, r.code(), r.err());
    for (String s :
        new String[] {
          "tokens/s",
          "binding resource",
          "Sohu claim: FLOP/s per chip",
          "FMAs per chip at 2 GHz",
          "transistor budget",
          "HBM traffic per chip",
          "TensorRT-LLM 0.10",
          "NVIDIA H100 Tensor Core GPU datasheet"
        }) {
      assertTrue(r.out().contains(s), s + " in\n" + r.out());
    }
    assertFalse(
        r.out().contains("shared/reference"),
        "cites the public sources, not the project's notes:\n" + r.out());
    CliRun bad = run("estimate", "--model", "gpt-5");
    assertEquals(ExitCodes.USAGE, bad.code());
    assertTrue(bad.err().contains("llama-3-70b"), bad.err());
    CliRun noFit =
        run(
            "estimate",
            "--model",
            "llama-3-405b",
            "--chips",
            "1",
            "--tp",
            "1",
            "--precision",
            "bf16");
    assertEquals(ExitCodes.USAGE, noFit.code());
    assertTrue(noFit.err().contains("do not fit"), noFit.err());
    CliRun tp = run("estimate", "--chips", "8", "--tp", "3");
    assertEquals(ExitCodes.USAGE, tp.code());
    assertTrue(tp.err().contains("multiple of the tensor-parallel degree"), tp.err());
  }

  @Test
  void estimateFromADesignScalesItToTheDie() throws Exception {
    assertEquals(0, run("--out", tmp.toString(), "--no-check").code());
    CliRun r =
        run(
            "estimate",
            "--from-design",
            tmp.resolve("manifest.json").toString(),
            "--die-mm2",
            "400",
            "--json",
            "--no-claims");
    assertEquals(0, r.code(), r.err());
    com.fasterxml.jackson.databind.JsonNode j =
        new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.out());
    assertTrue(j.get("chip").get("name").asText().startsWith("transformer-tile x"), r.out());
    com.fasterxml.jackson.databind.JsonNode tile =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(tmp.resolve("manifest.json").toFile());
    long copies = (long) Math.floor(400 / tile.get("total").get("mm2").asDouble());
    // only the FMA array's 256 FMAs do matmul work; the attention unit's multipliers are its own
    // engine
    assertEquals(16 * 16, tile.get("total").get("matmulFmaCount").asLong());
    // at the tile's clock (from timing: the manifest's clockGHzFrom), which estimate --from-design
    // follows
    double clockHz = tile.get("clockGHzFrom").get("ghz").asDouble() * 1e9;
    assertTrue(j.toString().contains("timing: slowest unit"), r.out());
    double flops = 2.0 * copies * 16 * 16 * tile.get("utilization").asDouble() * clockHz;
    assertEquals(flops, j.get("chip").get("flops").asDouble(), 1e-6 * flops);
    CliRun missing = run("estimate", "--from-design", tmp.resolve("nope.json").toString());
    assertEquals(ExitCodes.USAGE, missing.code());
    assertTrue(missing.err().contains("nope.json"), missing.err());
  }

  @Test
  void tileTokensPerSecondCountOnlyMatmulFmasAndAttentionCycles() throws Exception {
    assertEquals(0, run("--out", tmp.toString(), "--no-check").code());
    com.fasterxml.jackson.databind.JsonNode m =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(tmp.resolve("manifest.json").toFile());
    com.fasterxml.jackson.databind.JsonNode e = m.get("estimate");
    // every unit is timed (the timing cache, or on a fresh machine the shipped table of measured
    // results, MeasuredTimingTable): the clock is the slowest unit's depth at the node's FO4, and
    // the manifest says so
    io.hardformer.cli.tile.MeasuredTimingTable table =
        io.hardformer.cli.tile.MeasuredTimingTable.shipped();
    double worstNs =
        table.entries().values().stream()
            .mapToDouble(io.hardformer.cli.tile.MeasuredTimingTable.Entry::criticalPathNs)
            .max()
            .orElseThrow();
    double clockGhz = 1000 / (worstNs * 1000 / table.fo4Ps() * 10);
    assertEquals(clockGhz, m.get("clockGHz").asDouble(), 0.001 * clockGhz);
    assertTrue(
        m.get("clockGHzFrom").get("source").asText().startsWith("timing: slowest unit '"),
        m.get("clockGHzFrom").toString());
    assertEquals(worstNs, m.get("clockGHzFrom").get("criticalPathNs").asDouble(), 1e-4);
    assertTrue(m.get("clockGHzFrom").get("untimed").isEmpty(), m.get("clockGHzFrom").toString());
    double clock = m.get("clockGHz").asDouble() * 1e9;
    double util = m.get("utilization").asDouble();
    double matmulFlopsPerToken =
        2.0 * io.hardformer.throughput.ModelShape.LLAMA_3_70B.matmulParameters();
    // the 4 x 4 x 16-lane array alone: 256 FMAs x utilization x 2 FLOP x the clock over 2 x matmul
    // parameters
    // per token (~3.65)
    // per token (~3.65); the measured layer cycles (TileThroughputTest) agree within 10 %: the
    // output head is not in the layer (1.5 %), and prefill rows fill the array
    // The analytic figure takes the contract's utilization of one matmul at K = 4096 (94.8 % for
    // the 16-lane array: 14 cycles of fill and drain per 256 beats); the measured layer runs its
    // tiles back to back, which hides fill and drain, so the two agree within 10 %.
    double alone = 256 * util * 2 * clock / matmulFlopsPerToken;
    assertEquals(alone, e.get("tileAloneTokensPerSecond").asDouble(), 0.10 * alone);
    assertEquals("compute", e.get("tileAloneBound").asText());
    assertEquals("fma-array cycles", e.get("tileAloneComputeBy").asText());
    // the attention unit (8 x 128, one step per layer and KV head, S + finish cycles) is far from
    // binding: at
    // S = 2048 it alone sustains 1e9 / (80 x 8 x (2048 + finish)) tok/s, hundreds of times the
    // array's rate
    long finish = m.get("attentionEngines").get(0).get("stepFinishCycles").asLong();
    assertTrue(clock / (640.0 * (2048 + finish)) > 100 * alone);
    assertTrue(
        e.get("attentionAloneTokensPerSecond").asDouble() > clock / (640.0 * (2048 + finish)),
        e.toString());
    // the die: tilesPerDie copies on each of 8 chips, compute-bound by the matmul FMAs (~64K, not
    // 186K)
    long tiles = e.get("tilesPerDie").asLong();
    double die = 8 * tiles * alone;
    assertEquals(die, e.get("dieTokensPerSecondPer8Chips").asDouble(), 0.10 * die);
    assertEquals("compute", e.get("dieBound").asText());
    assertEquals("fma-array cycles", e.get("dieComputeBy").asText());
    // the analytic cross-check the manifest's method names agrees within 10 %
    String method = e.get("method").asText();
    String command =
        method.substring(
            method.indexOf("./hardformer ") + "./hardformer ".length(), method.lastIndexOf(')'));
    List<String> args =
        new java.util.ArrayList<>(
            List.of(
                command
                    .replace("out/manifest.json", tmp.resolve("manifest.json").toString())
                    .split(" ")));
    args.add("--json");
    CliRun estimate = run(args.toArray(new String[0]));
    assertEquals(0, estimate.code(), estimate.err());
    double fromDesign =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(estimate.out())
            .get("tokensPerSecond")
            .asDouble();
    assertEquals(
        e.get("dieTokensPerSecondPer8Chips").asDouble(), fromDesign, 0.10 * fromDesign, method);
  }

  @Test
  void fmaArrayLaneAndPromotionErrorsAreOneLineOptionErrors() {
    CliRun lanes =
        run(
            "area",
            "fma-array",
            "--rows",
            "2",
            "--cols",
            "2",
            "--format",
            "e4m3",
            "--acc",
            "fp32",
            "--lanes",
            "3");
    assertEquals(ExitCodes.USAGE, lanes.code(), lanes.err());
    assertTrue(lanes.err().contains("'--lanes' must be 1, 2, 4, 8 or 16, got 3"), lanes.err());
    assertEquals(1, lanes.err().strip().lines().count(), lanes.err());
    CliRun promote =
        run(
            "area",
            "fma-array",
            "--rows",
            "2",
            "--cols",
            "2",
            "--format",
            "e4m3",
            "--acc",
            "fixed",
            "--acc-bits",
            "13",
            "--lanes",
            "4",
            "--promote-every",
            "6");
    assertEquals(ExitCodes.USAGE, promote.code(), promote.err());
    assertTrue(promote.err().contains("'--promote-every' 6 is not a multiple"), promote.err());
    assertEquals(1, promote.err().strip().lines().count(), promote.err());
  }

  @Test
  void errorsNameTheValueAndTheCauseWithOneExitCodeEach() throws Exception {
    CliRun batch = run("estimate", "--batch", "-5");
    assertEquals(ExitCodes.USAGE, batch.code());
    assertTrue(
        batch.err().contains("option '--batch' must be >= 0") && batch.err().contains("got -5"),
        batch.err());
    CliRun util = run("estimate", "--compute-util", "1.5");
    assertEquals(ExitCodes.USAGE, util.code());
    assertTrue(
        util.err().contains("option '--compute-util' must be in (0, 1], got 1.5"), util.err());
    CliRun tflops = run("estimate", "--tflops", "-3");
    assertEquals(ExitCodes.USAGE, tflops.code());
    assertTrue(tflops.err().contains("option '--tflops' must be positive, got -3.0"), tflops.err());
    CliRun precision = run("estimate", "--precision", "fp4");
    assertTrue(
        precision.err().contains("option '--precision' must be one of fp8, bf16, got 'fp4'"),
        precision.err());

    assertEquals(
        0,
        run(
                "generate",
                "attention",
                "--head-dim",
                "8",
                "--q-heads",
                "2",
                "--format",
                "e4m3",
                "--out",
                tmp.resolve("att").toString())
            .code());
    CliRun noFmas = run("estimate", "--from-design", tmp.resolve("att/manifest.json").toString());
    assertEquals(ExitCodes.USAGE, noFmas.code());
    assertTrue(
        noFmas.err().contains("has no matmul FMAs") && !noFmas.err().contains("bandwidth"),
        noFmas.err());
    CliRun missing = run("estimate", "--from-design", tmp.resolve("nope.json").toString());
    assertEquals(ExitCodes.USAGE, missing.code());
    assertTrue(missing.err().contains("nope.json: no such file"), missing.err());

    Path file = Files.writeString(tmp.resolve("a-file"), "x");
    String expected = "option '--out' must be a folder, but '" + file + "' is a file";
    for (String[] args :
        new String[][] {
          {"generate", "counter", "--out", file.toString()},
          {"--out", file.toString(), "--no-check"}
        }) {
      CliRun r = run(args);
      assertEquals(ExitCodes.USAGE, r.code(), String.join(" ", args));
      assertTrue(r.err().contains(expected), r.err());
      assertEquals(1, r.err().strip().lines().count(), r.err());
    }
    CliRun report = run("estimate", "--no-claims", "--report", file.toString());
    assertEquals(ExitCodes.USAGE, report.code());
    assertTrue(
        report.err().contains("option '--report' must be a folder, but '" + file + "' is a file"),
        report.err());
    assertEquals("x", Files.readString(file), "the file is left alone");
  }

  @Test
  void rulesAreListed() {
    CliRun r = run("rules");
    assertEquals(0, r.code());
    assertTrue(r.out().contains("COMBINATIONAL LOOP"));
    assertTrue(r.out().contains("WIDTH MISMATCH"));
  }

  private static List<String> ports(Path manifest) throws Exception {
    com.fasterxml.jackson.databind.JsonNode m =
        new com.fasterxml.jackson.databind.ObjectMapper().readTree(manifest.toFile());
    List<String> out = new java.util.ArrayList<>();
    m.get("ports").forEach(p -> out.add(p.get("name").asText() + ":" + p.get("width").asInt()));
    return out;
  }

  @Test
  void fp8PortContractsAreExactlyAsDocumented() throws Exception {
    assertEquals(
        0,
        run("generate", "fp8-mul", "--format", "e4m3", "--out", tmp.resolve("m").toString())
            .code());
    assertEquals(
        List.of("clk:1", "rst:1", "in_valid:1", "a:8", "b:8", "out_valid:1", "out:32"),
        ports(tmp.resolve("m/manifest.json")));
    assertEquals(
        0,
        run(
                "generate",
                "fp8-dot",
                "--format",
                "e5m2",
                "--lanes",
                "8",
                "--acc",
                "exact",
                "--out",
                tmp.resolve("d").toString())
            .code());
    assertEquals(
        List.of("clk:1", "rst:1", "in_valid:1", "a:64", "b:64", "out_valid:1", "out:32"),
        ports(tmp.resolve("d/manifest.json")));
    assertEquals(
        0,
        run(
                "generate",
                "fp8-dot",
                "--format",
                "e4m3",
                "--lanes",
                "3",
                "--acc",
                "exact",
                "--out-format",
                "bf16",
                "--out",
                tmp.resolve("d16").toString())
            .code());
    assertEquals(
        List.of("clk:1", "rst:1", "in_valid:1", "a:24", "b:24", "out_valid:1", "out:16"),
        ports(tmp.resolve("d16/manifest.json")));
    assertEquals(
        0,
        run(
                "generate",
                "fp8-quant",
                "--format",
                "e5m2",
                "--no-saturate",
                "--out",
                tmp.resolve("q").toString())
            .code());
    assertEquals(
        List.of("clk:1", "rst:1", "in_valid:1", "in:32", "out_valid:1", "out:8"),
        ports(tmp.resolve("q/manifest.json")));
    String manifest = Files.readString(tmp.resolve("d/manifest.json"));
    assertTrue(manifest.contains("\"top\" : \"fp8_dot\""), manifest);
    assertTrue(manifest.contains("\"latency\" : 5"), manifest);
    assertTrue(manifest.contains("\"accumulatorBits\" : 68"), manifest);
    assertTrue(manifest.contains("\"fmaCount\" : 8"), manifest);
    assertTrue(manifest.contains("\"nand2Equivalents\""), manifest);
  }

  @Test
  void fp8OptionsAreValidated() {
    CliRun r =
        run("generate", "fp8-dot", "--format", "e4m3", "--lanes", "0", "--out", tmp.toString());
    assertEquals(ExitCodes.USAGE, r.code());
    assertTrue(r.err().contains("option '--lanes' must be between 1 and 4096, got 0"), r.err());
    r =
        run(
            "generate",
            "fp8-dot",
            "--format",
            "e4m3",
            "--lanes",
            "4",
            "--acc",
            "fp16",
            "--out",
            tmp.toString());
    assertTrue(r.err().contains("option '--acc' must be one of exact, got 'fp16'"), r.err());
    r = run("generate", "int-mac", "--width", "16", "--acc", "24", "--out", tmp.toString());
    assertTrue(r.err().contains("option '--acc' must be between 32 and 256, got 24"), r.err());
    r = run("generate", "fp8-quant", "--format", "fp8", "--out", tmp.toString());
    assertTrue(r.err().contains("option '--format' must be one of e4m3, e5m2, got 'fp8'"), r.err());
  }
}

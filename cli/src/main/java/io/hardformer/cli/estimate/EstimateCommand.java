package io.hardformer.cli.estimate;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.hardformer.cli.report.FindingFormat;
import io.hardformer.cli.report.ReportWriter;
import io.hardformer.cli.tile.TileConfig;
import io.hardformer.cli.tile.TileJob;
import io.hardformer.throughput.Chip;
import io.hardformer.throughput.ClaimCheck;
import io.hardformer.throughput.ModelShape;
import io.hardformer.throughput.Precision;
import io.hardformer.throughput.Roofline;
import io.hardformer.throughput.Workload;
import io.hardformer.verilator.FileTrees;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code hardformer estimate}: tokens/s of decoder inference from an analytic roofline, and the
 * published claims.
 */
@Command(
    name = "estimate",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Tokens/s of dense decoder inference (offline, tokens counted input + output) from an analytic "
          + "roofline: per phase (prefill, decode) the largest of compute, HBM and interconnect time; the bound and the "
          + "binding resource. Chips come from presets (every number with its source), from options, or from a generated "
          + "design scaled to a die (--from-design).",
      "Also shows what Etched's 500,000 tok/s Llama-3-70B claim implies and where the 8xH100 TensorRT-LLM figures "
          + "sit against the H100 roofline (--no-claims to leave out)."
    },
    footer = {
      "",
      "Examples:",
      "  ./hardformer estimate                                        # Llama-3-70B on 8 x H100, and the claims",
      "  ./hardformer estimate --model llama-3-8b --chip h200 --chips 1 --tp 1 --batch 64",
      "  ./hardformer estimate --chip h100-sxm --compute-util 0.5 --bandwidth-util 0.8 --json",
      "  ./hardformer estimate --from-design out/manifest.json --die-mm2 814 --clock-ghz 1.5",
      "  ./hardformer estimate --report build/report                  # HTML page with SVG charts",
      "",
      "Presets: models llama-3-8b, llama-3-70b, llama-3-405b; chips h100-sxm, h200, sohu-claim."
    })
public final class EstimateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--model",
      defaultValue = "llama-3-70b",
      description = "Model preset (default: ${DEFAULT-VALUE}).")
  String model;

  @Option(
      names = "--chip",
      defaultValue = "h100-sxm",
      description =
          "Chip preset (default: ${DEFAULT-VALUE}); with "
              + "--from-design, the memory and links of the generated chip.")
  String chip;

  @Option(names = "--chips", defaultValue = "8", description = "Chips (default: ${DEFAULT-VALUE}).")
  int chips;

  @Option(names = "--tp", description = "Tensor-parallel degree (default: all chips).")
  Integer tp;

  @Option(
      names = "--batch",
      defaultValue = "0",
      description =
          "Sequences per tensor-parallel group; 0: the largest " + "that fits in HBM (default).")
  int batch;

  @Option(
      names = "--input",
      defaultValue = "2048",
      description = "Input tokens per request (default: ${DEFAULT-VALUE}).")
  int input;

  @Option(
      names = "--output",
      defaultValue = "128",
      description = "Output tokens per request (default: ${DEFAULT-VALUE}).")
  int output;

  @Option(
      names = "--precision",
      defaultValue = "fp8",
      description =
          "Weights, KV cache and the chip's dense peak: "
              + "fp8 or bf16 (default: ${DEFAULT-VALUE}).")
  String precision;

  @Option(names = "--fmas", description = "Override compute: FMAs per chip (with --clock-ghz).")
  Double fmas;

  @Option(
      names = "--clock-ghz",
      description =
          "Clock for --fmas (default 1.0 GHz) or --from-design (default: the manifest's clock from"
              + " timing, else 1.0 GHz); overrides the manifest's clock.")
  Double clockGhz;

  @Option(
      names = "--tflops",
      description = "Override compute: dense TFLOP/s per chip at the precision.")
  Double tflops;

  @Option(names = "--hbm-tbps", description = "Override HBM bandwidth, TB/s.")
  Double hbmTbps;

  @Option(names = "--hbm-gb", description = "Override HBM capacity, GB.")
  Double hbmGb;

  @Option(names = "--link-gbps", description = "Override interconnect bandwidth per chip, GB/s.")
  Double linkGbps;

  @Option(
      names = "--compute-util",
      defaultValue = "1.0",
      description = "Fraction of peak compute achieved (default: " + "${DEFAULT-VALUE}).")
  double computeUtil;

  @Option(
      names = "--bandwidth-util",
      defaultValue = "1.0",
      description = "Fraction of peak HBM bandwidth achieved " + "(default: ${DEFAULT-VALUE}).")
  double bandwidthUtil;

  @Option(
      names = "--from-design",
      description =
          "A generated manifest (out/manifest.json of a tile, or a unit's): "
              + "matmul compute from its matmul FMAs (the FMA array's) at their cycle-contract utilization, attention at its "
              + "attention units' cycles, and its area, repeated to fill the die.")
  Path fromDesign;

  @Option(
      names = "--die-mm2",
      description = "Die budget for --from-design, mm^2 (default 814, the H100's die).")
  Double dieMm2;

  @Option(
      names = "--die-transistors",
      description = "Die budget for --from-design, transistors (instead of --die-mm2).")
  Double dieTransistors;

  @Option(names = "--no-claims", description = "Leave out the analysis of the published claims.")
  boolean noClaims;

  @Option(names = "--json", description = "Print machine-readable JSON.")
  boolean json;

  @Option(
      names = "--report",
      description = "Also write an HTML report with SVG charts into this folder.")
  Path report;

  @Override
  public Integer call() throws Exception {
    if (report != null) {
      io.hardformer.cli.output.OutputFolder.require(spec.commandLine(), "--report", report);
    }
    Workload w = workload();
    Chip c = chip();
    Roofline.Estimate e = Roofline.estimate(w, c);
    if (!e.fits()) {
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          String.format(
              Locale.ROOT,
              "%s's weights (%.0f GB at %s, %.1f GB per chip with tp %d) do not fit in %s's %.0f GB; raise --tp or --chips",
              w.model().name(),
              w.model().parameters() * w.weightBytes() / 1e9,
              precision().cliName(),
              w.model().parameters() * w.weightBytes() / w.tp() / 1e9,
              w.tp(),
              c.name(),
              c.hbmBytes() / 1e9));
    }
    List<ClaimCheck.Finding> claims = noClaims ? List.of() : ClaimCheck.analyze();
    if (report != null) {
      Path page = ReportWriter.write(report, e, claims, areaByUnit());
      if (!json) {
        System.out.println("report: " + page);
      }
    }
    if (json) {
      System.out.println(
          new ObjectMapper()
              .writerWithDefaultPrettyPrinter()
              .writeValueAsString(toJson(e, claims)));
    } else {
      print(e, claims);
    }
    return 0;
  }

  /**
   * The tile's units for the area chart: from --from-design when it is a tile manifest, else the
   * default tile.
   */
  private List<ReportWriter.UnitArea> areaByUnit() throws java.io.IOException {
    com.fasterxml.jackson.databind.JsonNode m = null;
    if (fromDesign != null) {
      m = new ObjectMapper().readTree(Files.readString(fromDesign));
    }
    if (m == null || !m.has("units")) {
      // the default tile's area figures need its designs generated; they go to a scratch folder
      Path tmp = Files.createTempDirectory("hardformer-tile-");
      try {
        m =
            new ObjectMapper()
                .valueToTree(
                    new TileJob(TileConfig.embeddedDefault(), tmp)
                        .run(false, System.err)
                        .manifest());
      } finally {
        FileTrees.deleteQuietly(tmp);
      }
    }
    List<ReportWriter.UnitArea> areas = new ArrayList<>();
    for (com.fasterxml.jackson.databind.JsonNode u : m.get("units")) {
      com.fasterxml.jackson.databind.JsonNode a = u.get("area");
      areas.add(
          new ReportWriter.UnitArea(
              u.get("name").asText(),
              a.get("nand2Equivalents").asDouble(),
              a.get("mm2").asDouble()));
    }
    return areas;
  }

  Workload workload() {
    ModelShape m;
    try {
      m = ModelShape.preset(model);
    } catch (IllegalArgumentException ex) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "option '--model': " + ex.getMessage());
    }
    double bytes = precision().bytes();
    atLeast("--batch", batch, 0, " (0: the largest batch that fits in HBM)");
    atLeast("--input", input, 1, "");
    atLeast("--output", output, 0, "");
    atLeast("--chips", chips, 1, "");
    if (tp != null) {
      atLeast("--tp", tp, 1, "");
    }
    fraction("--compute-util", computeUtil);
    fraction("--bandwidth-util", bandwidthUtil);
    int t = tp == null ? chips : tp;
    try {
      return new Workload(
          m, bytes, bytes, batch, input, output, chips, t, computeUtil, bandwidthUtil);
    } catch (IllegalArgumentException ex) {
      throw new CommandLine.ParameterException(spec.commandLine(), ex.getMessage());
    }
  }

  Precision precision() {
    try {
      return Precision.parse(precision);
    } catch (IllegalArgumentException ex) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "option '--precision' " + ex.getMessage());
    }
  }

  private void atLeast(String option, int value, int min, String note) {
    if (value < min) {
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          "option '" + option + "' must be >= " + min + note + ", got " + value);
    }
  }

  private void fraction(String option, double value) {
    if (!(value > 0 && value <= 1)) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "option '" + option + "' must be in (0, 1], got " + value);
    }
  }

  private void positive(String option, Double value) {
    if (value != null && !(value > 0)) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "option '" + option + "' must be positive, got " + value);
    }
  }

  Chip chip() {
    for (String o :
        new String[] {
          "--fmas",
          "--tflops",
          "--hbm-tbps",
          "--hbm-gb",
          "--link-gbps",
          "--clock-ghz",
          "--die-mm2",
          "--die-transistors"
        }) {
      positive(o, spec.findOption(o).getValue());
    }
    Chip c;
    try {
      c = Chip.preset(chip, precision());
    } catch (IllegalArgumentException ex) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "option '--chip': " + ex.getMessage());
    }
    double clock = (clockGhz == null ? 1.0 : clockGhz) * 1e9;
    if (fromDesign != null) {
      DesignBudget d = DesignBudget.fromManifest(fromDesign);
      long copies =
          d.copies(
              dieTransistors != null ? 0 : dieMm2 == null ? 814 : dieMm2,
              dieTransistors == null ? 0 : dieTransistors);
      ManifestClock designClock = ManifestClock.of(fromDesign, clockGhz);
      c = d.chip(copies, designClock.ghz() * 1e9, c);
      c = c.withFlops(c.flops(), c.flopsSource() + "; " + designClock.describe());
    }
    if (fmas != null) {
      c =
          Chip.fromFmas(
              c.name() + " (" + String.format(Locale.ROOT, "%,.0f", fmas) + " FMAs)",
              fmas,
              clock,
              "--fmas",
              c);
    }
    if (tflops != null) {
      c = c.withFlops(tflops * 1e12, "--tflops " + tflops);
    }
    if (hbmTbps != null || hbmGb != null) {
      c =
          c.withMemory(
              hbmTbps == null ? c.hbmBytesPerSecond() : hbmTbps * 1e12,
              hbmGb == null ? c.hbmBytes() : hbmGb * 1e9,
              "--hbm-tbps/--hbm-gb");
    }
    if (linkGbps != null) {
      c = c.withLink(linkGbps * 1e9, "--link-gbps " + linkGbps);
    }
    return c;
  }

  private void print(Roofline.Estimate e, List<ClaimCheck.Finding> claims) {
    Workload w = e.workload();
    Chip c = e.chip();
    ModelShape m = w.model();
    System.out.printf(
        Locale.ROOT,
        "%s (%.2f B parameters, %.1f GFLOP/token at %d/%d) on %d x %s, tensor parallel %d, %s%n",
        m.name(),
        m.parameters() / 1e9,
        ClaimCheck.averageFlopsPerToken(m, w.inputTokens(), w.outputTokens()) / 1e9,
        w.inputTokens(),
        w.outputTokens(),
        w.chips(),
        c.name(),
        w.tp(),
        precision().cliName());
    System.out.printf(
        Locale.ROOT, "  compute   %,.0f TFLOP/s   [%s]%n", c.flops() / 1e12, c.flopsSource());
    System.out.printf(
        Locale.ROOT,
        "  HBM       %.2f TB/s, %.0f GB   [%s; %s]%n",
        c.hbmBytesPerSecond() / 1e12,
        c.hbmBytes() / 1e9,
        c.hbmSource(),
        c.capacitySource());
    System.out.printf(
        Locale.ROOT,
        "  link      %.0f GB/s   [%s]%n",
        c.linkBytesPerSecond() / 1e9,
        c.linkSource());
    for (io.hardformer.throughput.AttentionEngine a : c.attention()) {
      System.out.printf(
          Locale.ROOT,
          "  attention %,.0f units of %d query heads x %d, a step of S keys in S + %d cycles at %.2f GHz "
              + "(attention runs on these, the compute peak on the matmuls)%n",
          a.count(),
          a.qHeads(),
          a.headDim(),
          a.stepFinishCycles(),
          a.clockHz() / 1e9);
    }
    System.out.printf(Locale.ROOT, "  model     [%s]%n", m.source());
    System.out.printf(
        Locale.ROOT,
        "  batch     %,d sequences per tensor-parallel group (largest that fits: %,d); utilization "
            + "compute %.2f, bandwidth %.2f%n",
        e.batch(),
        e.maxBatch(),
        w.computeUtilization(),
        w.bandwidthUtilization());
    System.out.println();
    System.out.printf(
        Locale.ROOT,
        "  %-8s %12s %12s %12s  %s%n",
        "phase",
        "compute s",
        "HBM s",
        "link s",
        "bound");
    for (String name : new String[] {"prefill", "decode"}) {
      Roofline.Phase p = name.equals("prefill") ? e.prefill() : e.decode();
      System.out.printf(
          Locale.ROOT,
          "  %-8s %12.4f %12.4f %12.4f  %s%n",
          name,
          p.computeSeconds(),
          p.memorySeconds(),
          p.linkSeconds(),
          p.bound().name().toLowerCase());
    }
    System.out.println();
    System.out.printf(
        Locale.ROOT,
        "  tokens/s  %,.0f (input + output) on %d chips; binding resource: %s%n",
        e.tokensPerSecond(),
        w.chips(),
        e.binding().name().toLowerCase());
    if (!claims.isEmpty()) {
      System.out.println();
      System.out.println(
          "Published claims, Llama-3-70B, FP8, 2048 in / 128 out, 8 chips, tensor parallel 8:");
      for (ClaimCheck.Finding f : claims) {
        System.out.printf(
            Locale.ROOT, "  %-56s %s%n      (%s)%n", f.what(), FindingFormat.of(f), f.how());
      }
    }
  }

  private static Map<String, Object> toJson(Roofline.Estimate e, List<ClaimCheck.Finding> claims) {
    Map<String, Object> m = new LinkedHashMap<>();
    Workload w = e.workload();
    m.put("model", w.model());
    m.put("chip", e.chip());
    m.put("chips", w.chips());
    m.put("tp", w.tp());
    m.put("batch", e.batch());
    m.put("maxBatch", e.maxBatch());
    m.put("inputTokens", w.inputTokens());
    m.put("outputTokens", w.outputTokens());
    m.put("prefill", phase(e.prefill()));
    m.put("decode", phase(e.decode()));
    m.put("tokensPerSecond", e.tokensPerSecond());
    m.put("binding", e.binding().name().toLowerCase());
    List<Map<String, Object>> cl = new ArrayList<>();
    for (ClaimCheck.Finding f : claims) {
      Map<String, Object> fm = new LinkedHashMap<>();
      fm.put("what", f.what());
      fm.put("value", f.value());
      fm.put("unit", f.unit());
      fm.put("how", f.how());
      cl.add(fm);
    }
    m.put("claims", cl);
    return m;
  }

  private static Map<String, Object> phase(Roofline.Phase p) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("computeSeconds", p.computeSeconds());
    m.put("memorySeconds", p.memorySeconds());
    m.put("linkSeconds", p.linkSeconds());
    m.put("attentionSeconds", p.attentionSeconds());
    m.put("seconds", p.seconds());
    m.put("bound", p.bound().name().toLowerCase());
    m.put("flops", p.flops());
    m.put("hbmBytesPerChip", p.hbmBytesPerChip());
    return m;
  }
}

package io.hardformer.cli.tile;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.hardformer.area.AreaFigures;
import io.hardformer.cli.designs.DesignCatalog;
import io.hardformer.cli.designs.GeneratedUnit;
import io.hardformer.cli.estimate.DesignBudget;
import io.hardformer.cli.output.OutputDirectory;
import io.hardformer.generators.catalog.AttentionFacts;
import io.hardformer.rtl.EmittedPart;
import io.hardformer.verilator.CxxToolchain;
import io.hardformer.verilator.Verilator;
import io.hardformer.verilator.tools.ToolException;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The main job: generates the tile as one design ({@link TileDesign}: a top module {@code tile_top}
 * over every unit, each Verilog module once, the filelist {@code out/tile_top.f}, and per unit
 * {@code out/<unit>/<top>.f} and {@code manifest.json}), writes the tile manifest {@code
 * out/manifest.json}, self-checks the units in Verilator when it is installed, and prints the
 * summary: units, FMAs, NAND2 equivalents, transistors, mm^2, cycles, and estimated Llama-3-70B
 * tokens/s.
 */
public final class TileJob {
  /** A reticle-sized die (NVIDIA H100: 814 mm^2) for scaling the tile to a chip. */
  public static final double DIE_MM2 = 814;

  private final TileConfig config;
  private final Path out;

  public TileJob(TileConfig config, Path out) {
    this.config = config;
    this.out = out;
  }

  /**
   * Everything the summary shows, also written as the tile manifest; {@code checks} has one entry
   * per unit.
   */
  public record Result(
      List<GeneratedUnit> units, Map<String, Object> manifest, List<UnitCheck> checks) {
    /** The failed self-checks, one line each: unit, where, expected and got. */
    public List<String> failures() {
      return checks.stream()
          .filter(c -> c.status() == UnitCheck.Status.FAILED)
          .map(c -> "self-check failed: unit '" + c.label() + "': " + c.detail())
          .toList();
    }
  }

  public Result run(boolean check, PrintStream err) {
    // each unit is built once (the config file bound and checked the parameters): adopted by the
    // top first, then elaborated alone for its area and self-check, and again inside the tile
    List<TileTop.Part> hardware = new ArrayList<>();
    for (TileConfig.Unit u : config.units()) {
      hardware.add(new TileTop.Part(u.name(), u.generator().build()));
    }
    TileTop top = new TileTop(hardware);
    List<GeneratedUnit> units = new ArrayList<>();
    for (int i = 0; i < hardware.size(); i++) {
      units.add(
          DesignCatalog.generateFrom(
              config.units().get(i).generator(), hardware.get(i).hardware()));
    }
    TileDesign design = TileDesign.of(config, top, units);
    // locked from here on; the files appear in out only when all are complete, the tile manifest
    // last
    try (OutputDirectory o = OutputDirectory.open(out, "tile")) {
      // the reference layer runs in the JVM while the self-check waits on Verilator
      CompletableFuture<TileThroughput> layer =
          CompletableFuture.supplyAsync(() -> TileThroughput.of(units));
      List<UnitCheck> checks =
          check ? selfCheck(units, err) : skipped(units, "not run (--no-check)");
      Map<String, Object> manifest =
          manifest(units, design, checks, layer.join(), TileClock.of(config, units));
      design.writeInto(o, config.units().stream().map(TileConfig.Unit::name).toList());
      try {
        o.write(
            OutputDirectory.MANIFEST,
            new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(manifest)
                + "\n");
      } catch (IOException e) {
        throw new UncheckedIOException(
            "cannot write " + out.resolve("manifest.json") + ": " + e.getMessage(), e);
      }
      o.commit();
      return new Result(units, manifest, checks);
    }
  }

  private List<UnitCheck> selfCheck(List<GeneratedUnit> units, PrintStream err) {
    try {
      Verilator.get();
      CxxToolchain.require();
    } catch (ToolException e) {
      // the message names what was searched and the package to install
      return skipped(
          units,
          "skipped: the tile was not simulated: " + e.getMessage().lines().findFirst().orElse(""));
    }
    List<UnitCheck> checks = new ArrayList<>();
    long checkable = units.stream().filter(SelfCheck::hasGoldenModel).count();
    ProgressBar bar = new ProgressBar(err, (int) checkable);
    for (int i = 0; i < units.size(); i++) {
      GeneratedUnit u = units.get(i);
      if (SelfCheck.hasGoldenModel(u)) {
        bar.step(
            "self-check "
                + u.design()
                + " (the first run builds its Verilator model; later runs reuse it)");
      }
      checks.add(SelfCheck.run(config.units().get(i).name(), u));
    }
    bar.finish("self-check done");
    return checks;
  }

  private List<UnitCheck> skipped(List<GeneratedUnit> units, String why) {
    List<UnitCheck> checks = new ArrayList<>();
    for (int i = 0; i < units.size(); i++) {
      checks.add(SelfCheck.notRun(config.units().get(i).name(), units.get(i), why));
    }
    return checks;
  }

  /**
   * passed (every unit with a golden model passed), failed (any unit failed) or skipped (none was
   * run).
   */
  private static Map<String, Object> selfCheckSummary(List<UnitCheck> checks) {
    Map<String, Object> m = new LinkedHashMap<>();
    boolean failed = checks.stream().anyMatch(c -> c.status() == UnitCheck.Status.FAILED);
    boolean passed = checks.stream().anyMatch(c -> c.status() == UnitCheck.Status.PASSED);
    m.put(
        "status",
        (failed
                ? UnitCheck.Status.FAILED
                : passed ? UnitCheck.Status.PASSED : UnitCheck.Status.SKIPPED)
            .json);
    m.put(
        "noGoldenModel",
        checks.stream()
            .filter(c -> c.status() == UnitCheck.Status.NO_GOLDEN_MODEL)
            .map(UnitCheck::unit)
            .toList());
    return m;
  }

  private Map<String, Object> manifest(
      List<GeneratedUnit> units,
      TileDesign design,
      List<UnitCheck> checks,
      TileThroughput layer,
      TileClock clock) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("tile", config.name());
    m.put("config", config.source());
    m.put("clockGHz", clock.ghz());
    m.put("clockGHzFrom", clock.toManifest());
    m.putAll(design.manifestSections());
    List<Map<String, Object>> list = new ArrayList<>();
    List<Map<String, Object>> engines = new ArrayList<>();
    List<DesignBudget.AttentionUnit> attention = new ArrayList<>();
    long fmas = 0;
    long matmulFmas = 0;
    long regs = 0;
    double nand2 = 0;
    double arrayUtil = 1;
    for (int i = 0; i < units.size(); i++) {
      GeneratedUnit u = units.get(i);
      String name = config.units().get(i).name();
      Map<String, Object> um = new LinkedHashMap<>();
      um.put("name", name);
      um.put("design", u.design());
      um.put("parameters", u.parameters());
      um.put("manifest", name + "/manifest.json");
      EmittedPart part = design.parts().get(i);
      um.put("top", part.top());
      um.put("instance", part.instance());
      um.put("portPrefix", TileTop.portPrefix(name));
      um.put("filelist", name + "/" + part.filelistName());
      um.put("area", u.areaManifest());
      um.put("cycles", cycles(u));
      um.put("selfCheck", checks.get(i).toManifest());
      list.add(um);
      fmas += u.area().fmaCount();
      matmulFmas += u.matmulFmas();
      regs += u.area().registerBits();
      nand2 += u.area().nand2();
      if (u.generator().matmul().isPresent()) {
        arrayUtil = u.generator().matmul().get().utilizationAtK4096();
      }
      if (u.attention().isPresent()) {
        AttentionFacts a = u.attention().get();
        Map<String, Object> named = new LinkedHashMap<>();
        named.put("unit", name);
        named.putAll(a.toManifest());
        engines.add(named);
        attention.add(
            new DesignBudget.AttentionUnit(1, a.qHeads(), a.headDim(), (int) a.stepFinishCycles()));
      }
    }
    m.put("units", list);
    AreaFigures total =
        new AreaFigures(
            fmas, regs, nand2, AreaFigures.DEFAULT_DENSITY_MTR_PER_MM2, "sum of the units");
    Map<String, Object> totalMap = new LinkedHashMap<>(total.toManifest());
    totalMap.put("matmulFmaCount", matmulFmas);
    m.put("total", totalMap);
    m.put("utilization", Math.round(arrayUtil * 10000) / 10000.0);
    m.put("attentionEngines", engines);
    DesignBudget budget =
        new DesignBudget(
            config.name(), matmulFmas, total.mm2(), total.transistors(), arrayUtil, attention);
    m.put("estimate", estimate(budget, layer, clock.ghz()));
    if (budget.matmulFmas() > 0 && layer.throughput().isPresent()) {
      m.put(
          "llama70bBudget",
          layer.llama70bBudget(budget, clock.ghz() * 1e9, budget.copies(DIE_MM2, 0)));
    }
    m.put("selfCheck", selfCheckSummary(checks));
    return m;
  }

  /** Cycle figures of a unit, as text: the contract at a typical size. */
  static String cycles(GeneratedUnit u) {
    if (u.generator().matmul().isPresent()) {
      return u.generator().matmul().get().cycles();
    }
    if (u.attention().isPresent()) {
      return u.attention().get().cycles();
    }
    Object latency =
        u.emitted().design().top().body().timing() == null
            ? "-"
            : u.emitted().design().top().body().timing().latency() + " cycles latency";
    return String.valueOf(latency);
  }

  /**
   * The tile's tokens/s from measured layer cycles ({@link TileThroughput}, {@link
   * LayerThroughput}): one Llama-3 decoder layer run on golden units shaped as the tile's, each
   * unit's cycles per token scaled to Llama-3-70B by a stated rule (matmul cycles with the layer's
   * matmul FLOPs on the array, attention with heads x context, the elementwise and row units with
   * the widths they touch), the busiest unit kind setting the compute pace; HBM and link time from
   * the roofline. A tile without matmul FMAs has no estimate.
   */
  private Map<String, Object> estimate(DesignBudget tile, TileThroughput layer, double clockGhz) {
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("model", "llama-3-70b, FP8, 2048 in / 128 out, tokens counted input + output");
    if (tile.matmulFmas() == 0 || layer.throughput().isEmpty()) {
      e.put("note", layer.note());
      return e;
    }
    double clock = clockGhz * 1e9;
    long copies = tile.copies(DIE_MM2, 0);
    LayerThroughput.Run one = layer.tileAlone(tile, clock);
    LayerThroughput.Run die = layer.die(tile, clock, copies);
    e.put("matmulFmas", tile.matmulFmas());
    e.put("tileAloneTokensPerSecond", Math.round(one.tokensPerSecond() * 100) / 100.0);
    e.put("tileAloneBound", one.bound().name().toLowerCase(Locale.ROOT));
    e.put("tileAloneComputeBy", one.bindingUnit() + " cycles");
    e.put(
        "attentionAloneTokensPerSecond",
        Math.round(layer.unitAloneTokensPerSecond("attention", clock)));
    e.put(
        "tileAloneNote",
        "one tile at " + clockGhz + " GHz with H200-class HBM, batch " + one.batch());
    e.put("dieMm2", DIE_MM2);
    e.put("tilesPerDie", copies);
    e.put("dieTokensPerSecondPer8Chips", Math.round(die.tokensPerSecond()));
    e.put("dieBound", die.bound().name().toLowerCase(Locale.ROOT));
    e.put("dieComputeBy", die.bindingUnit() + " cycles");
    e.put("method", method(layer.throughput().get()));
    return e;
  }

  /** How the figures were made, with the command that runs the reference layer. */
  static String method(LayerThroughput layer) {
    var s = layer.reference();
    return "measured: one Llama-3 decoder layer (d-model "
        + s.dModel()
        + ", "
        + s.heads()
        + " heads / "
        + s.kvHeads()
        + " kv heads, ffn "
        + s.ffn()
        + ", prefill "
        + s.seq()
        + " + "
        + s.decodeSteps()
        + " decode steps, seed "
        + LayerThroughput.SEED
        + ") on the tile's units' golden models, whose cycles are their Verilator-proven cycle"
        + " contracts; per-token cycles by unit scaled to llama-3-70b (matmul with FLOPs on the"
        + " array, attention with heads x context, the other units with the widths they touch),"
        + " the busiest unit kind setting the pace; HBM and link time from the roofline;"
        + " docs/TILE_OUTPUT.md (analytic cross-check: ./hardformer estimate --from-design"
        + " out/manifest.json --die-mm2 814 --chip h200)";
  }

  private static String boundText(Object bound, Object computeBy) {
    return bound + "-bound" + ("compute".equals(bound) ? ": " + computeBy : "");
  }

  /** Prints the summary table. */
  public static void print(Result r, TileConfig config, Path out, PrintStream stdout) {
    stdout.println(
        "Hardformer " + config.name() + " -> " + out + "   (config: " + config.source() + ")");
    stdout.println();
    String fmt = "  %-11s %-10s %7s %12s %14s %9s  %s%n";
    stdout.printf(
        Locale.ROOT, fmt, "unit", "design", "FMAs", "NAND2 eq", "transistors", "mm^2", "cycles");
    for (int i = 0; i < r.units().size(); i++) {
      GeneratedUnit u = r.units().get(i);
      AreaFigures a = u.area();
      stdout.printf(
          Locale.ROOT,
          fmt,
          config.units().get(i).name(),
          u.design(),
          String.format(Locale.ROOT, "%,d", a.fmaCount()),
          String.format(Locale.ROOT, "%,.0f", a.nand2()),
          String.format(Locale.ROOT, "%,.0f", a.transistors()),
          String.format(Locale.ROOT, "%.4f", a.mm2()),
          cycles(u));
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> t = (Map<String, Object>) r.manifest().get("total");
    stdout.printf(
        Locale.ROOT,
        fmt,
        "total",
        "",
        String.format(Locale.ROOT, "%,d", (Long) t.get("fmaCount")),
        String.format(Locale.ROOT, "%,d", (Long) t.get("nand2Equivalents")),
        String.format(Locale.ROOT, "%,d", (Long) t.get("transistors")),
        String.format(Locale.ROOT, "%.4f", (Double) t.get("mm2")),
        "");
    @SuppressWarnings("unchecked")
    Map<String, Object> e = (Map<String, Object>) r.manifest().get("estimate");
    stdout.println();
    stdout.printf(Locale.ROOT, "  estimated tokens/s (%s):%n", e.get("model"));
    if (e.containsKey("note")) {
      stdout.println("    " + e.get("note"));
    } else {
      stdout.printf(
          Locale.ROOT,
          "    this tile alone at %.2f GHz: %,.2f tok/s (%s)%n",
          (Double) r.manifest().get("clockGHz"),
          (Double) e.get("tileAloneTokensPerSecond"),
          boundText(e.get("tileAloneBound"), e.get("tileAloneComputeBy")));
      if ((Long) e.get("attentionAloneTokensPerSecond") > 0) {
        stdout.printf(
            Locale.ROOT,
            "      (its attention units alone would sustain %,d tok/s)%n",
            (Long) e.get("attentionAloneTokensPerSecond"));
      }
      stdout.printf(
          Locale.ROOT,
          "    %,d tiles on an %.0f mm^2 die, 8 chips: %,d tok/s (%s)%n",
          (Long) e.get("tilesPerDie"),
          (Double) e.get("dieMm2"),
          (Long) e.get("dieTokensPerSecondPer8Chips"),
          boundText(e.get("dieBound"), e.get("dieComputeBy")));
      stdout.println(
          "    (measured: a Llama-3 layer on the tile's units' golden models, each unit's cycles"
              + " scaled to the model; docs/TILE_OUTPUT.md)");
      @SuppressWarnings("unchecked")
      Map<String, Object> clock = (Map<String, Object>) r.manifest().get("clockGHzFrom");
      stdout.println("    clock " + clock.get("ghz") + " GHz, " + clock.get("source"));
    }
    if (r.manifest().containsKey("llama70bBudget")) {
      stdout.println();
      @SuppressWarnings("unchecked")
      Map<String, Object> b = (Map<String, Object>) r.manifest().get("llama70bBudget");
      Llama70bBudget.print(b, stdout);
    }
    stdout.println();
    r.checks().stream()
        .filter(c -> c.status() == UnitCheck.Status.SKIPPED)
        .findFirst()
        .ifPresent(
            c ->
                stdout.println(
                    "  self-check: " + c.detail())); // the same reason for every skipped unit
    for (UnitCheck c : r.checks()) {
      if (c.status() == UnitCheck.Status.SKIPPED) {
        continue;
      }
      String status = c.status() == UnitCheck.Status.FAILED ? "FAILED: " : "";
      stdout.println("  self-check " + c.label() + ": " + status + c.detail());
    }
    stdout.println(
        "  files: "
            + out
            + "/"
            + r.manifest().get("filelist")
            + " (the tile as one design, each Verilog module once), "
            + out
            + "/manifest.json, "
            + out
            + "/<unit>/ (<top>.f, manifest.json)");
  }
}

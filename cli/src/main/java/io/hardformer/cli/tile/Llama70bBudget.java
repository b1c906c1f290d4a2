package io.hardformer.cli.tile;

import io.hardformer.models.llama.LlamaLayerShape;
import io.hardformer.throughput.Chip;
import io.hardformer.throughput.ClaimCheck;
import io.hardformer.throughput.MeasuredUnitCycles;
import io.hardformer.throughput.ModelShape;
import io.hardformer.throughput.Roofline;
import io.hardformer.throughput.TileCycleBudget;
import io.hardformer.throughput.Workload;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The tile's per-token cycle budget for Llama-3-70B at 2048 in / 128 out (the {@code
 * llama70bBudget} section of the tile manifest and {@code --json}): each unit's cycles per token
 * over the 80 layers at the request's average context, its share of the cycles and of the tile's
 * area, the binding unit, and where one tile and a die of tiles on 8 chips stand against Etched's
 * 500K tok/s claim and the 8 x H100 roofline (the estimate command's {@code h100-sxm} and {@code
 * sohu-claim} chips), with the resource that binds each.
 */
final class Llama70bBudget {
  private Llama70bBudget() {}

  /** The request of the published claims. */
  static final Workload WORKLOAD = Workload.claimConditions(ModelShape.LLAMA_3_70B);

  /**
   * @param copies units of each design in the tile
   * @param mm2 the tile's area by design (all copies)
   * @param tileMm2 the tile's area
   */
  static Map<String, Object> of(
      LayerThroughput layer,
      Map<String, Integer> copies,
      Map<String, Double> mm2,
      double tileMm2,
      LayerThroughput.Run tile,
      LayerThroughput.Run die,
      long tilesPerDie) {
    Map<String, Object> m = new LinkedHashMap<>();
    double context = LayerThroughput.averageContext(WORKLOAD);
    TileCycleBudget budget = layer.budget(WORKLOAD.model(), context, copies);
    m.put("model", WORKLOAD.model().name());
    m.put("inputTokens", WORKLOAD.inputTokens());
    m.put("outputTokens", WORKLOAD.outputTokens());
    m.put("averageContext", context);
    m.put("measuredOn", reference(layer.reference(), layer));
    List<Map<String, Object>> units = new ArrayList<>();
    for (Map.Entry<String, Integer> c : copies.entrySet()) {
      Map<String, Object> u = new LinkedHashMap<>();
      u.put("unit", c.getKey());
      u.put("copies", c.getValue());
      TileCycleBudget.Line line =
          budget.lines().stream().filter(l -> l.unit().equals(c.getKey())).findFirst().orElse(null);
      u.put("cyclesPerToken", line == null ? null : Math.round(line.effectiveCycles()));
      u.put("cycleFraction", line == null ? null : round4(budget.cycleShare(line)));
      u.put("areaFraction", round4(mm2.getOrDefault(c.getKey(), 0.0) / tileMm2));
      u.put("scaling", scalings(layer, c.getKey()));
      units.add(u);
    }
    m.put("units", units);
    List<Map<String, Object>> missing = new ArrayList<>();
    for (String u : layer.missing(copies)) {
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("unit", u);
      double cycles = 0;
      for (MeasuredUnitCycles mc : layer.measured()) {
        if (mc.unit().equals(u)) {
          cycles += mc.cyclesPerToken(WORKLOAD.model(), context);
        }
      }
      e.put("cyclesPerToken", Math.round(cycles));
      missing.add(e);
    }
    m.put("notInTile", missing);
    m.put("bindingUnit", budget.binding().unit());
    m.put("tileCyclesPerToken", Math.round(budget.cyclesPerToken()));
    m.put("tile", run(tile, 1, 1));
    m.put("die", run(die, tilesPerDie, WORKLOAD.chips()));
    Roofline.Estimate h100 = Roofline.estimate(WORKLOAD, Chip.H100_SXM);
    Roofline.Estimate sohu = Roofline.estimate(WORKLOAD, Chip.SOHU_CLAIM);
    Map<String, Object> claims = new LinkedHashMap<>();
    claims.put("sohuClaimTokensPerSecond", Math.round(ClaimCheck.SOHU_CLAIM_TOKENS_PER_SECOND));
    claims.put(
        "dieFractionOfClaim",
        round4(die.tokensPerSecond() / ClaimCheck.SOHU_CLAIM_TOKENS_PER_SECOND));
    claims.put("h100x8RooflineTokensPerSecond", Math.round(h100.tokensPerSecond()));
    claims.put("h100x8RooflineBound", lower(h100.binding()));
    claims.put("dieOverH100x8Roofline", round4(die.tokensPerSecond() / h100.tokensPerSecond()));
    claims.put("sohuClaimChipRooflineTokensPerSecond", Math.round(sohu.tokensPerSecond()));
    claims.put("sohuClaimChipRooflineBound", lower(sohu.binding()));
    m.put("claims", claims);
    m.put("statement", statement(die, tilesPerDie, h100, sohu));
    return m;
  }

  private static Map<String, Object> reference(LlamaLayerShape s, LayerThroughput layer) {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("dModel", s.dModel());
    r.put("heads", s.heads());
    r.put("kvHeads", s.kvHeads());
    r.put("headDim", s.headDim());
    r.put("ffn", s.ffn());
    r.put("seq", s.seq());
    r.put("decodeSteps", s.decodeSteps());
    r.put("seed", LayerThroughput.SEED);
    r.put("units", layer.layerUnits());
    return r;
  }

  private static List<String> scalings(LayerThroughput layer, String unit) {
    return layer.measured().stream()
        .filter(m -> m.unit().equals(unit))
        .map(m -> m.scaling().name().toLowerCase(Locale.ROOT))
        .toList();
  }

  private static Map<String, Object> run(LayerThroughput.Run r, long tiles, int chips) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("tilesPerChip", tiles);
    m.put("chips", chips);
    m.put("batch", r.batch());
    m.put("tokensPerSecond", Math.round(r.tokensPerSecond() * 100) / 100.0);
    m.put("bound", lower(r.bound()));
    m.put("bindingResource", resource(r));
    return m;
  }

  /** The resource that binds a run: the binding unit's cycles, HBM or the interconnect. */
  static String resource(LayerThroughput.Run r) {
    return switch (r.bound()) {
      case COMPUTE -> r.bindingUnit() + " cycles";
      case MEMORY -> "HBM bandwidth";
      case INTERCONNECT -> "interconnect";
    };
  }

  private static String statement(
      LayerThroughput.Run die, long tiles, Roofline.Estimate h100, Roofline.Estimate sohu) {
    return String.format(
        Locale.ROOT,
        "%,d tiles on an 814 mm^2 die, 8 chips: %,.0f tok/s, %.1f %% of the 500K tok/s claim and"
            + " %.2f x the 8 x H100 roofline (%,.0f tok/s, %s-bound), bound by %s; the sohu-claim"
            + " chip's own roofline is %,.0f tok/s (%s-bound)",
        tiles,
        die.tokensPerSecond(),
        100 * die.tokensPerSecond() / ClaimCheck.SOHU_CLAIM_TOKENS_PER_SECOND,
        die.tokensPerSecond() / h100.tokensPerSecond(),
        h100.tokensPerSecond(),
        lower(h100.binding()),
        resource(die),
        sohu.tokensPerSecond(),
        lower(sohu.binding()));
  }

  /** Prints the section as the summary's last block. */
  @SuppressWarnings("unchecked")
  static void print(Map<String, Object> b, PrintStream out) {
    out.printf(
        Locale.ROOT,
        "  Llama-3-70B per-token cycle budget at %d in / %d out (80 layers, %.0f keys per token on"
            + " average):%n",
        (Integer) b.get("inputTokens"),
        (Integer) b.get("outputTokens"),
        (Double) b.get("averageContext"));
    String fmt = "    %-11s %6s %16s %9s %9s%n";
    out.printf(Locale.ROOT, fmt, "unit", "copies", "cycles/token", "cycles", "die area");
    for (Map<String, Object> u : (List<Map<String, Object>>) b.get("units")) {
      Object cycles = u.get("cyclesPerToken");
      out.printf(
          Locale.ROOT,
          fmt,
          u.get("unit"),
          u.get("copies"),
          cycles == null ? "-" : String.format(Locale.ROOT, "%,d", (Long) cycles),
          cycles == null ? "-" : percent((Double) u.get("cycleFraction")),
          percent((Double) u.get("areaFraction")));
    }
    for (Map<String, Object> u : (List<Map<String, Object>>) b.get("notInTile")) {
      out.printf(
          Locale.ROOT,
          "    (%s: not in this tile; its %,d cycles per token are not counted)%n",
          u.get("unit"),
          (Long) u.get("cyclesPerToken"));
    }
    out.printf(
        Locale.ROOT,
        "    binding: %s, %,d cycles per token per tile%n",
        b.get("bindingUnit"),
        (Long) b.get("tileCyclesPerToken"));
    out.println("    " + b.get("statement"));
  }

  private static String percent(double f) {
    return String.format(Locale.ROOT, "%.1f %%", 100 * f);
  }

  private static double round4(double v) {
    return Math.round(v * 10000) / 10000.0;
  }

  private static String lower(Roofline.Bound b) {
    return b.name().toLowerCase(Locale.ROOT);
  }
}

package io.hardformer.cli.tile;

import io.hardformer.cli.designs.GeneratedUnit;
import io.hardformer.cli.estimate.DesignBudget;
import io.hardformer.generators.array.AccumulationMode;
import io.hardformer.generators.array.FmaArray;
import io.hardformer.generators.array.FmaArrayShape;
import io.hardformer.generators.catalog.AttentionFacts;
import io.hardformer.generators.catalog.BadParameterException;
import io.hardformer.generators.fp8.FloatPacker;
import io.hardformer.generators.numerics.Fp8Format;
import io.hardformer.models.llama.LlamaLayerShape;
import io.hardformer.throughput.Chip;
import io.hardformer.throughput.ModelShape;
import io.hardformer.throughput.Roofline;
import io.hardformer.throughput.TileCycleBudget;
import io.hardformer.throughput.Workload;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The tile's Llama-3-70B throughput from measured layer cycles ({@link LayerThroughput}): the
 * reference layer runs on golden units shaped as the tile's first {@code fma-array} (rows x
 * columns) and its first {@code attention} unit (D, G; D 128 and G 1 without one), and every unit
 * design of the tile counts with its number of copies. A tile without an {@code fma-array} has no
 * figure. One tile runs alone on H200-class memory; a die of tiles runs 8 chips, 8-way tensor
 * parallel, as the published claims.
 */
final class TileThroughput {
  /** One tile, one chip, H200-class HBM, the largest batch that fits: {@code 2048 / 128}. */
  static final Workload ALONE =
      new Workload(ModelShape.LLAMA_3_70B, 1, 1, 0, 2048, 128, 1, 1, 1, 1);

  /** The die's run: the published claims' conditions. */
  static final Workload DIE = Workload.claimConditions(ModelShape.LLAMA_3_70B);

  private final Optional<LayerThroughput> throughput;
  private final String note;
  private final Map<String, Integer> copies;
  private final Map<String, Double> mm2;
  private final double tileMm2;

  private TileThroughput(
      Optional<LayerThroughput> throughput,
      String note,
      Map<String, Integer> copies,
      Map<String, Double> mm2,
      double tileMm2) {
    this.throughput = throughput;
    this.note = note;
    this.copies = copies;
    this.mm2 = mm2;
    this.tileMm2 = tileMm2;
  }

  /** Measures the reference layer on the tile's units (when it has an {@code fma-array}). */
  static TileThroughput of(List<GeneratedUnit> units) {
    Map<String, Integer> copies = new LinkedHashMap<>();
    Map<String, Double> mm2 = new LinkedHashMap<>();
    double tileMm2 = 0;
    GeneratedUnit array = null;
    AttentionFacts attention = null;
    for (GeneratedUnit u : units) {
      copies.merge(u.design(), 1, Integer::sum);
      mm2.merge(u.design(), u.area().mm2(), Double::sum);
      tileMm2 += u.area().mm2();
      if (array == null && u.generator().matmul().isPresent()) {
        array = u;
      }
      if (attention == null && u.attention().isPresent()) {
        attention = u.attention().get();
      }
    }
    if (array == null) {
      return new TileThroughput(
          Optional.empty(),
          "no matmul FMAs (no fma-array unit): no tokens/s estimate",
          copies,
          mm2,
          tileMm2);
    }
    Map<String, String> p = array.generator().parameterValues();
    int rows = Integer.parseInt(p.get("rows"));
    int headDim = attention == null ? 128 : attention.headDim();
    int qHeads = attention == null ? 1 : attention.qHeads();
    LlamaLayerShape reference;
    try {
      reference = LayerThroughput.referenceShape(rows, headDim, qHeads);
    } catch (BadParameterException e) {
      return new TileThroughput(
          Optional.empty(),
          "no tokens/s estimate: the attention unit (head-dim "
              + headDim
              + ", q-heads "
              + qHeads
              + ") cannot run a Llama-3 layer: "
              + e.getMessage(),
          copies,
          mm2,
          tileMm2);
    }
    return new TileThroughput(
        Optional.of(LayerThroughput.measure(reference, arrayShape(p), headDim, qHeads)),
        "",
        copies,
        mm2,
        tileMm2);
  }

  /**
   * The tile's array as configured (format, accumulation, lanes): its matmuls run on golden units
   * of this shape, so a dot-cell array is costed at ceil(K / L) beats per tile.
   */
  private static FmaArrayShape arrayShape(Map<String, String> p) {
    AccumulationMode mode = AccumulationMode.parse(p.get("acc"));
    boolean fixed = mode == AccumulationMode.FIXED;
    return new FmaArrayShape(
        Integer.parseInt(p.get("rows")),
        Integer.parseInt(p.get("cols")),
        Fp8Format.parse(p.get("format")),
        mode,
        FloatPacker.FP32,
        Integer.parseInt(p.getOrDefault("max-k", String.valueOf(FmaArray.DEFAULT_MAX_K))),
        Integer.parseInt(p.getOrDefault("lanes", "1")),
        fixed ? Integer.parseInt(p.get("acc-bits")) : 0,
        fixed ? Integer.parseInt(p.get("promote-every")) : 0);
  }

  /** Why there is no figure (when {@link #throughput} is empty). */
  String note() {
    return note;
  }

  Optional<LayerThroughput> throughput() {
    return throughput;
  }

  /** Copies of each unit design in the tile, in config order. */
  Map<String, Integer> copies() {
    return copies;
  }

  /** One tile alone at {@code clockHz}, memory as an H200. */
  LayerThroughput.Run tileAlone(DesignBudget tile, double clockHz) {
    Roofline.Estimate memory = Roofline.estimate(ALONE, tile.chip(1, clockHz, Chip.H200));
    return throughput.orElseThrow().run(ALONE, memory, 1, clockHz, copies);
  }

  /** A die of {@code tilesPerDie} tiles per chip, 8 chips, memory and links as an H200. */
  LayerThroughput.Run die(DesignBudget tile, double clockHz, long tilesPerDie) {
    Roofline.Estimate memory = Roofline.estimate(DIE, tile.chip(tilesPerDie, clockHz, Chip.H200));
    return throughput.orElseThrow().run(DIE, memory, tilesPerDie, clockHz, copies);
  }

  /**
   * Tokens/s one tile's {@code design} units alone sustain over the {@link #ALONE} request (0 when
   * the tile or the layer has none).
   */
  double unitAloneTokensPerSecond(String design, double clockHz) {
    if (throughput.isEmpty() || !copies.containsKey(design)) {
      return 0;
    }
    TileCycleBudget b =
        throughput.get().budget(ALONE.model(), LayerThroughput.averageContext(ALONE), copies);
    return b.lines().stream()
        .filter(l -> l.unit().equals(design))
        .findFirst()
        .map(l -> clockHz / l.effectiveCycles())
        .orElse(0.0);
  }

  /** The {@code llama70bBudget} section ({@link Llama70bBudget}). */
  Map<String, Object> llama70bBudget(DesignBudget tile, double clockHz, long tilesPerDie) {
    return Llama70bBudget.of(
        throughput.orElseThrow(),
        copies,
        mm2,
        tileMm2,
        tileAlone(tile, clockHz),
        die(tile, clockHz, tilesPerDie),
        tilesPerDie);
  }
}

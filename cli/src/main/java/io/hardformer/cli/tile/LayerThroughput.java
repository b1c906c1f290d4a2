package io.hardformer.cli.tile;

import io.hardformer.generators.array.AccumulationMode;
import io.hardformer.generators.array.FmaArrayShape;
import io.hardformer.generators.fp8.FloatPacker;
import io.hardformer.generators.numerics.Fp8Format;
import io.hardformer.models.golden.GoldenUnits;
import io.hardformer.models.llama.LlamaLayerPipeline;
import io.hardformer.models.llama.LlamaLayerShape;
import io.hardformer.models.llama.LlamaLayerWeights;
import io.hardformer.models.units.CycleLedger;
import io.hardformer.throughput.MeasuredUnitCycles;
import io.hardformer.throughput.ModelShape;
import io.hardformer.throughput.Roofline;
import io.hardformer.throughput.TileCycleBudget;
import io.hardformer.throughput.UnitScaling;
import io.hardformer.throughput.Workload;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A tile's tokens/s from measured layer cycles. {@link #measure} runs one Llama-3 decoder layer
 * ({@link LlamaLayerPipeline}, the pipeline of {@code run-layer llama}) on the golden units set up
 * as the tile's: its array's rows x columns, its attention unit's head dimension D and G query
 * heads per step ({@link TileGoldenUnits}); golden cycles are the units' cycle contracts, which the
 * Verilator tests prove equal to the RTL. The reference layer ({@link #referenceShape}) has head
 * dimension D, G query heads per key/value head, 8 query heads (or G when G is more), FFN width
 * d-model (the rules scale it; a narrow FFN keeps the run short), a prefill of one array-height of
 * tokens and {@value #DECODE_STEPS} decode steps, seed {@value #SEED}: for the default tile d-model
 * 1024, 8 heads / 1 kv head of 128, ffn 1024, prefill 16, about 2 s of CPU.
 *
 * <p>What a token costs per layer, by unit ({@link MeasuredUnitCycles}):
 *
 * <ul>
 *   <li>every unit but attention: its prefill cycles / prefill tokens. The prefill stands for any
 *       batch of that many tokens, so also for a decode step of a batch of that many sequences (at
 *       maximum load decode is batched; a lone decode token would leave all but one array row
 *       idle); the array scales with the layer's matmul FLOPs, the vector unit with the elements it
 *       touches, rmsnorm with d_model, swiglu with d_ff, rope with (heads + kv heads) x head_dim
 *       ({@link UnitScaling});
 *   <li>attention: the decode steps, split into the keys streamed (one per cycle: scales with heads
 *       x context) and the rest of each step (its finish: scales with heads).
 * </ul>
 *
 * <p>{@link #run} then gives a chip of tiles its compute time per phase from those cycles scaled to
 * the model ({@link TileCycleBudget}: the units work concurrently on different tokens, so the
 * busiest unit kind sets the pace) and takes HBM and interconnect time from the roofline ({@link
 * Roofline}); a phase takes the longest of the three. The model's output head is not part of the
 * layer and is not counted (1.5 % of Llama-3-70B's matmul FLOPs).
 */
public final class LayerThroughput {
  /** Seed of the reference layer's weights and inputs. */
  static final long SEED = 1;

  /** Decode steps of the reference layer, against the prefill's cache. */
  static final int DECODE_STEPS = 2;

  private final LlamaLayerShape reference;
  private final List<MeasuredUnitCycles> measured;

  private LayerThroughput(LlamaLayerShape reference, List<MeasuredUnitCycles> measured) {
    this.reference = reference;
    this.measured = List.copyOf(measured);
  }

  /**
   * The reference layer for an array of {@code rows} and an attention unit of {@code headDim} and
   * {@code qHeads}.
   */
  static LlamaLayerShape referenceShape(int rows, int headDim, int qHeads) {
    int heads = qHeads * Math.max(1, 8 / qHeads);
    int dModel = heads * headDim;
    return new LlamaLayerShape(dModel, heads, heads / qHeads, dModel, rows, DECODE_STEPS);
  }

  /**
   * Runs {@code shape} on golden units of an {@code rows x cols} array and an attention unit of
   * {@code headDim} and {@code qHeads} ({@code shape}'s query heads per key/value head must be a
   * multiple of {@code qHeads}) and takes each unit's cycles per token from it.
   */
  static LayerThroughput measure(
      LlamaLayerShape shape, int rows, int cols, int headDim, int qHeads) {
    return measure(
        shape,
        FmaArrayShape.of(rows, cols, Fp8Format.E4M3, AccumulationMode.FP32, FloatPacker.FP32),
        headDim,
        qHeads);
  }

  /**
   * As {@link #measure(LlamaLayerShape, int, int, int, int)} on the array {@code array} (its
   * accumulation mode and lanes: a matmul of depth K takes ceil(K / L) beats per tile).
   */
  static LayerThroughput measure(
      LlamaLayerShape shape, FmaArrayShape array, int headDim, int qHeads) {
    if (shape.headDim() != headDim || shape.group() % qHeads != 0) {
      throw new IllegalArgumentException(
          "the layer's heads (dimension "
              + shape.headDim()
              + ", "
              + shape.group()
              + " per key/value head) do not fit the attention unit (D "
              + headDim
              + ", G "
              + qHeads
              + ")");
    }
    LlamaLayerWeights weights = LlamaLayerWeights.random(shape, SEED);
    CycleLedger ledger;
    try (TileGoldenUnits units =
        new TileGoldenUnits(
            new GoldenUnits(array, 500_000), // Llama-3 rotary base
            headDim,
            qHeads,
            Fp8Format.E4M3)) {
      new LlamaLayerPipeline(shape, weights, Fp8Format.E4M3, units).run(weights.inputs());
      ledger = units.cycles();
    }
    return new LayerThroughput(shape, fromLedger(shape, ledger));
  }

  /** The default reference layer for the tile's array and attention unit, measured. */
  public static LayerThroughput measure(int rows, int cols, int headDim, int qHeads) {
    return measure(referenceShape(rows, headDim, qHeads), rows, cols, headDim, qHeads);
  }

  private static List<MeasuredUnitCycles> fromLedger(LlamaLayerShape s, CycleLedger ledger) {
    ModelShape on = modelShape(s);
    Map<String, Long> prefill = new LinkedHashMap<>();
    long attentionCycles = 0;
    long attentionKeys = 0;
    for (CycleLedger.Entry e : ledger.entries()) {
      boolean isPrefill = e.what().startsWith("prefill.");
      if (e.unit().equals("attention")) {
        if (!isPrefill) {
          attentionCycles += e.cycles();
          attentionKeys += e.busyCycles();
        }
      } else if (isPrefill) {
        prefill.merge(e.unit(), e.cycles(), Long::sum);
      }
    }
    // decode step i attends seq + i keys
    double context = s.seq() + (s.decodeSteps() + 1) / 2.0;
    List<MeasuredUnitCycles> m = new ArrayList<>();
    prefill.forEach(
        (unit, cycles) ->
            m.add(
                new MeasuredUnitCycles(
                    unit, scaling(unit), (double) cycles / s.seq(), on, context)));
    if (s.decodeSteps() > 0) {
      m.add(
          new MeasuredUnitCycles(
              "attention",
              UnitScaling.HEADS_TIMES_CONTEXT,
              (double) attentionKeys / s.decodeSteps(),
              on,
              context));
      m.add(
          new MeasuredUnitCycles(
              "attention",
              UnitScaling.HEADS,
              (double) (attentionCycles - attentionKeys) / s.decodeSteps(),
              on,
              context));
    }
    return m;
  }

  /** How each unit of the layer scales ({@link UnitScaling}). */
  static UnitScaling scaling(String unit) {
    return switch (unit) {
      case "fma-array" -> UnitScaling.MATMUL_FLOPS;
      case "vector" -> UnitScaling.VECTOR_ELEMENTS;
      case "rmsnorm" -> UnitScaling.MODEL_WIDTH;
      case "swiglu" -> UnitScaling.FFN_WIDTH;
      case "rope" -> UnitScaling.ROTARY_WIDTH;
      default -> throw new IllegalStateException("no scaling rule for the layer's unit " + unit);
    };
  }

  /** The layer as a one-layer {@link ModelShape}. */
  static ModelShape modelShape(LlamaLayerShape s) {
    return new ModelShape(
        "run-layer reference",
        1,
        s.dModel(),
        s.heads(),
        s.kvHeads(),
        s.headDim(),
        s.ffn(),
        0,
        "hardformer run-layer llama");
  }

  public LlamaLayerShape reference() {
    return reference;
  }

  public List<MeasuredUnitCycles> measured() {
    return measured;
  }

  /** The units the layer ran on, in the order it first used them. */
  public List<String> layerUnits() {
    return measured.stream().map(MeasuredUnitCycles::unit).distinct().toList();
  }

  /**
   * The budget of {@code target} at {@code context} keys per token on a tile with {@code copies}
   * units of each design; units the tile lacks are left out (see {@link #missing}).
   */
  public TileCycleBudget budget(ModelShape target, double context, Map<String, Integer> copies) {
    List<MeasuredUnitCycles> present =
        measured.stream().filter(m -> copies.containsKey(m.unit())).toList();
    if (present.isEmpty()) {
      throw new IllegalArgumentException("the tile has none of the layer's units " + layerUnits());
    }
    return new TileCycleBudget(target, context, present, copies);
  }

  /** The layer's units the tile has no copy of. */
  public List<String> missing(Map<String, Integer> copies) {
    return layerUnits().stream().filter(u -> !copies.containsKey(u)).toList();
  }

  /** Average keys a prefill token attends (position p attends p + 1). */
  static double prefillContext(Workload w) {
    return (w.inputTokens() + 1) / 2.0;
  }

  /** Average keys a decode token attends. */
  static double decodeContext(Workload w) {
    return w.inputTokens() + (w.outputTokens() + 1) / 2.0;
  }

  /** Average keys per token over a request, input and output tokens alike. */
  public static double averageContext(Workload w) {
    double in = w.inputTokens();
    double out = w.outputTokens();
    return (in * prefillContext(w) + out * decodeContext(w)) / (in + out);
  }

  /**
   * The run of {@code w} on chips of {@code tilesPerChip} tiles at {@code clockHz}: compute from
   * the measured cycles, HBM and interconnect time and the batch from {@code memory} (the roofline
   * of the same workload on a chip with the memory and links assumed).
   */
  public Run run(
      Workload w,
      Roofline.Estimate memory,
      long tilesPerChip,
      double clockHz,
      Map<String, Integer> copies) {
    double b = memory.batch();
    double rate = clockHz * tilesPerChip * w.tp();
    TileCycleBudget pre = budget(w.model(), prefillContext(w), copies);
    TileCycleBudget dec = budget(w.model(), decodeContext(w), copies);
    double prefill = b * w.inputTokens() * pre.cyclesPerToken() / rate;
    double decode = b * w.outputTokens() * dec.cyclesPerToken() / rate;
    double[] byBound = new double[3];
    double seconds =
        phase(prefill, memory.prefill(), byBound) + phase(decode, memory.decode(), byBound);
    int bound = 0;
    for (int i = 1; i < 3; i++) {
      if (byBound[i] > byBound[bound]) {
        bound = i;
      }
    }
    double tokens = b * (w.inputTokens() + w.outputTokens()) * (w.chips() / w.tp());
    TileCycleBudget whole = budget(w.model(), averageContext(w), copies);
    return new Run(
        tokens / seconds,
        Roofline.Bound.values()[bound],
        whole.binding().unit(),
        memory.batch(),
        whole.cyclesPerToken());
  }

  /** A phase's time: the longest of compute, HBM and links, added to its bound's account. */
  private static double phase(double compute, Roofline.Phase p, double[] byBound) {
    double s = Math.max(compute, Math.max(p.memorySeconds(), p.linkSeconds()));
    int bound =
        s == compute
            ? Roofline.Bound.COMPUTE.ordinal()
            : s == p.memorySeconds()
                ? Roofline.Bound.MEMORY.ordinal()
                : Roofline.Bound.INTERCONNECT.ordinal();
    byBound[bound] += s;
    return s;
  }

  /**
   * Tokens/s of a run, the resource that bounds it, the unit whose cycles set the compute pace, the
   * batch per tensor-parallel group and one tile's cycles per token (at the average context).
   */
  public record Run(
      double tokensPerSecond,
      Roofline.Bound bound,
      String bindingUnit,
      int batch,
      double tileCyclesPerToken) {}
}

package io.hardformer.models.rtl;

import io.hardformer.dsl.Module;
import io.hardformer.generators.activation.ActivationOutputBeat;
import io.hardformer.generators.activation.GeluShape;
import io.hardformer.generators.activation.GeluUnit;
import io.hardformer.generators.activation.SwigluInputBeat;
import io.hardformer.generators.activation.SwigluShape;
import io.hardformer.generators.activation.SwigluUnit;
import io.hardformer.generators.array.AccumulationMode;
import io.hardformer.generators.array.FmaArray;
import io.hardformer.generators.array.FmaArrayShape;
import io.hardformer.generators.attention.AttentionShape;
import io.hardformer.generators.attention.AttentionUnit;
import io.hardformer.generators.fp8.FloatPacker;
import io.hardformer.generators.normalization.LayerNormShape;
import io.hardformer.generators.normalization.NormalizationShape;
import io.hardformer.generators.normalization.NormalizationUnit;
import io.hardformer.generators.normalization.RmsNormShape;
import io.hardformer.generators.numerics.Fp8Format;
import io.hardformer.generators.rope.RopeInputBeat;
import io.hardformer.generators.rope.RopeShape;
import io.hardformer.generators.rope.RopeUnit;
import io.hardformer.generators.vector.VectorBeat;
import io.hardformer.generators.vector.VectorResult;
import io.hardformer.generators.vector.VectorShape;
import io.hardformer.generators.vector.VectorUnit;
import io.hardformer.models.golden.GoldenUnits;
import io.hardformer.models.units.Activations;
import io.hardformer.models.units.CycleLedger;
import io.hardformer.models.units.TransformerUnits;
import io.hardformer.testbench.Testbench;
import io.hardformer.testbench.TestbenchOptions;
import io.hardformer.verilator.BuildProfile;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code rtl} backend: every call runs on a generated unit in Verilator through the testbench
 * API, and the cycles come from the stream's cycle stamps. Matmuls run on an R x C {@code
 * fma-array} (FP32 out) tiled as {@link MatmulTiling} says; attention heads on an {@code attention}
 * unit (head dim D, G = 1, FP32 out), one step per query; the vector, layernorm, rmsnorm, gelu and
 * swiglu units with {@link #LANES} lanes through {@link RowStream} (normalization: every row twice,
 * {@link NormalizationRowRun}); rope on a {@code rope} unit of the head dim ({@link
 * GoldenUnits#ropeShape}), one row per token with its position. Each unit's model is built (or
 * fetched from the model cache) on its first call and its process stays open until {@link #close}.
 */
public final class RtlUnits implements TransformerUnits {
  /**
   * The array that runs a 16-token all-MiniLM-L6-v2 sentence fastest in wall time, measured by
   * {@code bench/run rtl-speed} (docs/BENCHMARKS.md, "rtl mode speed"): rows x cols.
   */
  public static final String DEFAULT_ARRAY = "8x8";

  /** Lanes per beat of the vector, layernorm, rmsnorm, gelu and swiglu units, as golden mode. */
  public static final int LANES = GoldenUnits.LANES;

  /**
   * Cycle limit of one stream run: far above the longest call the model sizes need (a 512-token FFN
   * matmul on a 1x1 array is about 2^29 cycles), low enough that a hung unit stops.
   */
  static final long CYCLE_LIMIT = 1L << 32;

  private final FmaArrayShape arrayShape;
  private final AttentionShape attentionShape;
  private final TestbenchOptions options;
  private final CycleLedger ledger = new CycleLedger();
  private Testbench arrayBench;
  private ArrayMatmul array;
  private Testbench attentionBench;
  private AttentionHeadRun attention;
  private Testbench vectorBench;
  private VectorUnit vectorUnit;
  private Testbench geluBench;
  private GeluUnit geluUnit;
  private Testbench swigluBench;
  private SwigluUnit swigluUnit;
  private final int ropeTheta;
  private final Map<RopeShape, RopeUnit> ropeUnits = new HashMap<>();
  private final Map<RopeShape, Testbench> ropeBenches = new HashMap<>();
  private final Map<NormalizationShape, NormalizationRowRun> layerNorms = new HashMap<>();
  private final Map<NormalizationShape, NormalizationRowRun> rmsNorms = new HashMap<>();
  private final List<Testbench> normalizationBenches = new ArrayList<>();

  /**
   * @param rows R of the fma-array
   * @param cols C of the fma-array
   * @param format the FP8 format of matmul and attention inputs
   * @param acc the fma-array's accumulation
   * @param headDim D of the attention unit (32 for MiniLM)
   */
  public RtlUnits(int rows, int cols, Fp8Format format, AccumulationMode acc, int headDim) {
    this(rows, cols, format, acc, headDim, 500_000);
  }

  /** As above, with {@code ropeTheta}, the rotary base of the model (Llama-3: 500,000). */
  public RtlUnits(
      int rows, int cols, Fp8Format format, AccumulationMode acc, int headDim, int ropeTheta) {
    this(
        FmaArrayShape.of(rows, cols, format, acc, FloatPacker.FP32),
        new AttentionShape(headDim, 1, format, FloatPacker.FP32),
        TestbenchOptions.defaults()
            .withCycleLimit(CYCLE_LIMIT)
            .withBuildProfile(BuildProfile.RUN_FAST),
        ropeTheta);
  }

  RtlUnits(FmaArrayShape arrayShape, AttentionShape attentionShape, TestbenchOptions options) {
    this(arrayShape, attentionShape, options, 500_000);
  }

  private RtlUnits(
      FmaArrayShape arrayShape,
      AttentionShape attentionShape,
      TestbenchOptions options,
      int ropeTheta) {
    this.arrayShape = arrayShape;
    this.attentionShape = attentionShape;
    this.options = options;
    this.ropeTheta = ropeTheta;
  }

  public FmaArrayShape arrayShape() {
    return arrayShape;
  }

  public AttentionShape attentionShape() {
    return attentionShape;
  }

  @Override
  public synchronized int[][] matmul(String what, int[][] x, int[][] w) {
    UnitInputs.matmul(what, x, w);
    if (array == null) {
      FmaArray dut = new FmaArray(arrayShape);
      arrayBench = Testbench.of(dut, options);
      arrayBench.reset();
      array = new ArrayMatmul(arrayBench, dut, arrayShape);
    }
    MatmulTiling tiling =
        new MatmulTiling(arrayShape.rows(), arrayShape.cols(), x.length, w.length, w[0].length);
    TimedResult r = array.multiply(x, w);
    // busy: the beats streamed (K per tile), as golden mode books them; utilization (useful
    // multiply-adds over the cells) is computed from the shapes by the caller
    ledger.add("fma-array", what, r.cycles(), tiling.beats());
    return r.values();
  }

  @Override
  public synchronized int[][] attention(String what, int[][] q, int[][] k, int[][] v, int[] keys) {
    UnitInputs.attention(what, attentionShape.headDim(), q, k, v, keys);
    if (attention == null) {
      AttentionUnit dut = new AttentionUnit(attentionShape);
      attentionBench = Testbench.of(dut, options);
      attentionBench.reset();
      attention = new AttentionHeadRun(attentionBench, dut, attentionShape);
    }
    TimedResult r = attention.head(q, k, v, keys);
    long pairs = 0;
    for (int n : keys) {
      pairs += n;
    }
    ledger.add("attention", what, r.cycles(), pairs);
    return r.values();
  }

  @Override
  public synchronized Activations vector(
      String what, int[][] a, int[] scaleExp, int[][] b, int qexp) {
    if (vectorBench == null) {
      vectorUnit = new VectorUnit(new VectorShape(LANES, attentionShape.format()));
      vectorBench = open(vectorUnit);
    }
    int[][] scales = new int[a.length][];
    for (int t = 0; t < a.length; t++) {
      scales[t] = scaleExp;
    }
    VectorBeat in = vectorUnit.in.payload();
    VectorResult out = vectorUnit.out.payload();
    RowStream.Result r =
        new RowStream(vectorBench, vectorUnit.in, vectorUnit.out, LANES)
            .lanes(in.a, 32, a)
            .lanes(in.b, 32, b)
            .lanes(in.scaleExp, 8, scales)
            .constant(in.qexp, qexp & 0xFF)
            .collect(out.y, 32)
            .collect(out.q, 8)
            .run();
    ledger.add("vector", what, r.cycles(), r.beats());
    return new Activations(r.get(out.y), r.get(out.q));
  }

  @Override
  public synchronized Activations layerNorm(String what, int[][] x, int[] gamma, int[] beta) {
    NormalizationRowRun run =
        normalization(
            layerNorms,
            new LayerNormShape(
                    x[0].length,
                    LANES,
                    Float.parseFloat(LayerNormShape.DEFAULT_EPS),
                    attentionShape.format())
                .core());
    NormalizationRowRun.Output r = run.run(x, gamma, beta);
    ledger.add("layernorm", what, r.cycles(), r.beats());
    return r.values();
  }

  @Override
  public synchronized Activations gelu(String what, int[][] x) {
    if (geluBench == null) {
      geluUnit = new GeluUnit(new GeluShape(LANES, attentionShape.format()));
      geluBench = open(geluUnit);
    }
    ActivationOutputBeat out = geluUnit.out.payload();
    RowStream.Result r =
        new RowStream(geluBench, geluUnit.in, geluUnit.out, LANES)
            .lanes(geluUnit.in.payload().x, 32, x)
            .collect(out.y, 32)
            .collect(out.q, 8)
            .run();
    ledger.add("gelu", what, r.cycles(), r.beats());
    return new Activations(r.get(out.y), r.get(out.q));
  }

  @Override
  public synchronized Activations rmsNorm(String what, int[][] x, int[] gamma) {
    NormalizationRowRun run =
        normalization(
            rmsNorms,
            new RmsNormShape(
                    x[0].length,
                    LANES,
                    Float.parseFloat(RmsNormShape.DEFAULT_EPS),
                    attentionShape.format())
                .core());
    NormalizationRowRun.Output r = run.run(x, gamma, null);
    ledger.add("rmsnorm", what, r.cycles(), r.beats());
    return r.values();
  }

  @Override
  public synchronized Activations rope(String what, int[][] x, int[] positions) {
    UnitInputs.rope(what, x, positions, GoldenUnits.ROPE_MAX_POSITION);
    RopeShape shape = GoldenUnits.ropeShape(x[0].length, ropeTheta, attentionShape.format());
    RopeUnit dut = ropeUnits.get(shape);
    if (dut == null) {
      dut = new RopeUnit(shape);
      ropeBenches.put(shape, open(dut));
      ropeUnits.put(shape, dut);
    }
    long[] pos = new long[positions.length];
    for (int t = 0; t < pos.length; t++) {
      pos[t] = positions[t];
    }
    RopeInputBeat in = dut.in.payload();
    ActivationOutputBeat out = dut.out.payload();
    RowStream.Result r =
        new RowStream(ropeBenches.get(shape), dut.in, dut.out, shape.lanes())
            .lanes(in.x, 32, x)
            .perRow(in.position, pos)
            .collect(out.y, 32)
            .collect(out.q, 8)
            .run();
    ledger.add("rope", what, r.cycles(), r.beats());
    return new Activations(r.get(out.y), r.get(out.q));
  }

  @Override
  public synchronized Activations swiglu(String what, int[][] gate, int[][] up) {
    if (swigluBench == null) {
      swigluUnit = new SwigluUnit(new SwigluShape(LANES, attentionShape.format()));
      swigluBench = open(swigluUnit);
    }
    SwigluInputBeat in = swigluUnit.in.payload();
    ActivationOutputBeat out = swigluUnit.out.payload();
    RowStream.Result r =
        new RowStream(swigluBench, swigluUnit.in, swigluUnit.out, LANES)
            .lanes(in.gate, 32, gate)
            .lanes(in.up, 32, up)
            .collect(out.y, 32)
            .collect(out.q, 8)
            .run();
    ledger.add("swiglu", what, r.cycles(), r.beats());
    return new Activations(r.get(out.y), r.get(out.q));
  }

  private Testbench open(Module dut) {
    Testbench tb = Testbench.of(dut, options);
    tb.reset();
    return tb;
  }

  /** The normalization unit of {@code shape}, built on its first call and kept open. */
  private NormalizationRowRun normalization(
      Map<NormalizationShape, NormalizationRowRun> units, NormalizationShape shape) {
    NormalizationRowRun run = units.get(shape);
    if (run == null) {
      NormalizationUnit dut = new NormalizationUnit(shape);
      Testbench tb = open(dut);
      normalizationBenches.add(tb);
      run = new NormalizationRowRun(tb, dut, shape);
      units.put(shape, run);
    }
    return run;
  }

  @Override
  public CycleLedger cycles() {
    return ledger;
  }

  @Override
  public synchronized void close() {
    if (arrayBench != null) {
      arrayBench.close();
      arrayBench = null;
      array = null;
    }
    if (attentionBench != null) {
      attentionBench.close();
      attentionBench = null;
      attention = null;
    }
    for (Testbench tb : new Testbench[] {vectorBench, geluBench, swigluBench}) {
      if (tb != null) {
        tb.close();
      }
    }
    vectorBench = null;
    geluBench = null;
    swigluBench = null;
    for (Testbench tb : normalizationBenches) {
      tb.close();
    }
    normalizationBenches.clear();
    for (Testbench tb : ropeBenches.values()) {
      tb.close();
    }
    ropeBenches.clear();
    ropeUnits.clear();
    layerNorms.clear();
    rmsNorms.clear();
  }
}

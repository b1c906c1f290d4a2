package io.hardformer.models.rtl;

import io.hardformer.generators.array.AccumulationMode;
import io.hardformer.generators.array.FmaArray;
import io.hardformer.generators.array.FmaArrayShape;
import io.hardformer.generators.attention.AttentionShape;
import io.hardformer.generators.attention.AttentionUnit;
import io.hardformer.generators.fp8.FloatPacker;
import io.hardformer.generators.numerics.Fp8Format;
import io.hardformer.models.units.Activations;
import io.hardformer.models.units.CycleLedger;
import io.hardformer.models.units.TransformerUnits;
import io.hardformer.testbench.Testbench;
import io.hardformer.testbench.TestbenchOptions;

/**
 * The {@code rtl} backend: every call runs on a generated unit in Verilator through the testbench
 * API, and the cycles come from the stream's cycle stamps. Matmuls run on an R x C {@code
 * fma-array} (FP32 out) tiled as {@link MatmulTiling} says; attention heads on an {@code attention}
 * unit (head dim D, G = 1, FP32 out), one step per query. Each unit's model is built (or fetched
 * from the model cache) on its first call and its process stays open until {@link #close}.
 */
public final class RtlUnits implements TransformerUnits {
  /**
   * The array that runs a 16-token all-MiniLM-L6-v2 sentence fastest in wall time, measured by
   * {@code bench/run rtl-speed} (docs/BENCHMARKS.md, "rtl mode speed"): rows x cols.
   */
  public static final String DEFAULT_ARRAY = "8x8";

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

  /**
   * @param rows R of the fma-array
   * @param cols C of the fma-array
   * @param format the FP8 format of matmul and attention inputs
   * @param acc the fma-array's accumulation
   * @param headDim D of the attention unit (32 for MiniLM)
   */
  public RtlUnits(int rows, int cols, Fp8Format format, AccumulationMode acc, int headDim) {
    this(
        FmaArrayShape.of(rows, cols, format, acc, FloatPacker.FP32),
        new AttentionShape(headDim, 1, format, FloatPacker.FP32),
        TestbenchOptions.defaults()
            .withCycleLimit(CYCLE_LIMIT)
            .withBuildProfile(io.hardformer.verilator.BuildProfile.RUN_FAST));
  }

  RtlUnits(FmaArrayShape arrayShape, AttentionShape attentionShape, TestbenchOptions options) {
    this.arrayShape = arrayShape;
    this.attentionShape = attentionShape;
    this.options = options;
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
    ledger.add("fma-array", what, r.cycles(), tiling.busyCycles());
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
  public Activations vector(String what, int[][] a, int[] scaleExp, int[][] b, int qexp) {
    throw new UnsupportedOperationException("wired at merge");
  }

  @Override
  public Activations layerNorm(String what, int[][] x, int[] gamma, int[] beta) {
    throw new UnsupportedOperationException("wired at merge");
  }

  @Override
  public Activations gelu(String what, int[][] x) {
    throw new UnsupportedOperationException("wired at merge");
  }

  @Override
  public Activations rmsNorm(String what, int[][] x, int[] gamma) {
    throw new UnsupportedOperationException("wired at merge");
  }

  @Override
  public Activations rope(String what, int[][] x, int[] positions) {
    throw new UnsupportedOperationException("wired at merge");
  }

  @Override
  public Activations swiglu(String what, int[][] gate, int[][] up) {
    throw new UnsupportedOperationException("wired at merge");
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
  }
}

package io.hardformer.models.golden;

import io.hardformer.generators.activation.GeluGolden;
import io.hardformer.generators.activation.GeluShape;
import io.hardformer.generators.activation.SwigluGolden;
import io.hardformer.generators.activation.SwigluShape;
import io.hardformer.generators.array.AccumulationMode;
import io.hardformer.generators.array.FmaArrayShape;
import io.hardformer.generators.array.MatmulGolden;
import io.hardformer.generators.attention.AttentionGolden;
import io.hardformer.generators.attention.AttentionShape;
import io.hardformer.generators.fp8.FloatPacker;
import io.hardformer.generators.normalization.LayerNormGolden;
import io.hardformer.generators.normalization.LayerNormShape;
import io.hardformer.generators.normalization.NormalizationUnit;
import io.hardformer.generators.normalization.RmsNormGolden;
import io.hardformer.generators.normalization.RmsNormShape;
import io.hardformer.generators.numerics.Fp8Format;
import io.hardformer.generators.rope.RopeGolden;
import io.hardformer.generators.rope.RopeShape;
import io.hardformer.generators.vector.VectorGolden;
import io.hardformer.generators.vector.VectorShape;
import io.hardformer.generators.vector.VectorUnit;
import io.hardformer.models.units.Activations;
import io.hardformer.models.units.CycleLedger;
import io.hardformer.models.units.TransformerUnits;
import java.util.Arrays;

/**
 * The units on their Java golden models ({@code golden} mode). Matmuls: {@link MatmulGolden} (exact
 * accumulation) or its bit-identical fast path {@link Fp32ProductTable} (FP32 accumulation), tiled
 * over an R x C array as {@code rtl} mode tiles them: ceil(T/R) x ceil(N/C) tiles of depth K, back
 * to back. Attention: {@link AttentionGolden}, D = 32, G = 1, FP32 out, one step per query. The
 * vector, layernorm, rmsnorm, gelu, swiglu and rope units: their golden models ({@code
 * VectorGolden}, {@code LayerNormGolden}, ...), {@link #LANES} lanes. Cycles come from the cycle
 * contracts ({@link FmaArrayShape#cyclesBackToBack}, {@link AttentionShape#stepPeriod}, beats plus
 * latency for the elementwise units, two passes per row for normalization).
 */
public final class GoldenUnits implements TransformerUnits {
  private final FmaArrayShape array;
  private final Fp8Format format;
  private final Fp32ProductTable table;
  private final CycleLedger ledger = new CycleLedger();

  /** Lanes per beat of the elementwise and row units (their default {@code --lanes}). */
  public static final int LANES = 4;

  /** Cycles between a row's two passes through layernorm/rmsnorm (the units' contract). */
  static final int NORMALIZATION_ROW_GAP = NormalizationUnit.rowGap();

  /** Second-pass beat to its output, layernorm (the unit's contract). */
  static final int LAYERNORM_LATENCY = NormalizationUnit.outputLatency(true);

  /** Second-pass beat to its output, rmsnorm (the unit's contract). */
  static final int RMSNORM_LATENCY = NormalizationUnit.outputLatency(false);

  /** Positions the rope unit accepts (its default, Llama-3's context). */
  public static final int ROPE_MAX_POSITION = 8192;

  private final int lanes = LANES;
  private final int ropeTheta;

  public GoldenUnits(int rows, int cols, Fp8Format format, AccumulationMode mode) {
    this(rows, cols, format, mode, 500000);
  }

  /** {@code ropeTheta}: the rotary base of the model (Llama-3: 500,000). */
  public GoldenUnits(int rows, int cols, Fp8Format format, AccumulationMode mode, int ropeTheta) {
    this(FmaArrayShape.of(rows, cols, format, mode, FloatPacker.FP32), ropeTheta);
  }

  /**
   * Golden units whose matmuls run on {@code array} (any accumulation mode and lane count; its
   * results are taken in FP32, whatever its output format), the rotary base {@code ropeTheta}.
   */
  public GoldenUnits(FmaArrayShape array, int ropeTheta) {
    this.ropeTheta = ropeTheta;
    this.array =
        new FmaArrayShape(
            array.rows(),
            array.cols(),
            array.format(),
            array.mode(),
            FloatPacker.FP32,
            array.maxK(),
            array.lanes(),
            array.accBits(),
            array.promoteEvery());
    this.format = array.format();
    this.table =
        array.mode() == AccumulationMode.FP32 && !array.dotCells()
            ? new Fp32ProductTable(format)
            : null;
  }

  public FmaArrayShape array() {
    return array;
  }

  @Override
  public int[][] matmul(String what, int[][] x, int[][] w) {
    int k = w.length;
    int[][] y;
    if (table != null) {
      y = table.multiply(x, w);
    } else {
      long[][] exact = MatmulGolden.multiply(array, x, w); // uses the format and mode only
      y = new int[exact.length][];
      for (int i = 0; i < exact.length; i++) {
        y[i] = Arrays.stream(exact[i]).mapToInt(v -> (int) v).toArray();
      }
    }
    int tiles = ceil(x.length, array.rows()) * ceil(w[0].length, array.cols());
    ledger.add("fma-array", what, array.cyclesBackToBack(k, tiles), (long) k * tiles);
    return y;
  }

  @Override
  public int[][] attention(String what, int[][] q, int[][] k, int[][] v, int[] keys) {
    AttentionShape shape = new AttentionShape(q[0].length, 1, format, FloatPacker.FP32);
    int[][] o = new int[q.length][];
    long cycles = 0;
    long busy = 0;
    for (int t = 0; t < q.length; t++) {
      int s = keys[t];
      long[] head =
          AttentionGolden.step(shape, new int[][] {q[t]}, Arrays.copyOf(k, s), Arrays.copyOf(v, s))[
              0];
      o[t] = Arrays.stream(head).mapToInt(x -> (int) x).toArray();
      cycles += t == q.length - 1 ? shape.cyclesPerStep(s) : shape.stepPeriod(s);
      busy += s;
    }
    ledger.add("attention", what, cycles, busy);
    return o;
  }

  @Override
  public Activations vector(String what, int[][] a, int[] scaleExp, int[][] b, int qexp) {
    VectorShape shape = new VectorShape(lanes, format);
    int[][] y = new int[a.length][];
    int[][] q = new int[a.length][];
    for (int t = 0; t < a.length; t++) {
      y[t] = new int[a[t].length];
      q[t] = new int[a[t].length];
      for (int c = 0; c < a[t].length; c++) {
        y[t][c] = VectorGolden.y(a[t][c], scaleExp[c], b[t][c]);
        q[t][c] = VectorGolden.q(shape, y[t][c], qexp);
      }
    }
    elementwiseCycles("vector", what, a, VectorUnit.LATENCY);
    return new Activations(y, q);
  }

  @Override
  public Activations layerNorm(String what, int[][] x, int[] gamma, int[] beta) {
    LayerNormShape shape =
        new LayerNormShape(
            x[0].length, lanes, Float.parseFloat(LayerNormShape.DEFAULT_EPS), format);
    int[][] y = new int[x.length][];
    int[][] q = new int[x.length][];
    for (int t = 0; t < x.length; t++) {
      y[t] = LayerNormGolden.row(shape, x[t], gamma, beta);
      q[t] = LayerNormGolden.quantized(shape, y[t]);
    }
    normalizationCycles("layernorm", what, x, LAYERNORM_LATENCY);
    return new Activations(y, q);
  }

  @Override
  public Activations gelu(String what, int[][] x) {
    GeluShape shape = new GeluShape(lanes, format);
    int[][] y = new int[x.length][x[0].length];
    int[][] q = new int[x.length][x[0].length];
    for (int t = 0; t < x.length; t++) {
      for (int c = 0; c < x[t].length; c++) {
        y[t][c] = GeluGolden.y(shape, x[t][c]);
        q[t][c] = GeluGolden.q(shape, x[t][c]);
      }
    }
    elementwiseCycles("gelu", what, x, shape.latency());
    return new Activations(y, q);
  }

  @Override
  public Activations rmsNorm(String what, int[][] x, int[] gamma) {
    RmsNormShape shape =
        new RmsNormShape(x[0].length, lanes, Float.parseFloat(RmsNormShape.DEFAULT_EPS), format);
    int[][] y = new int[x.length][];
    int[][] q = new int[x.length][];
    for (int t = 0; t < x.length; t++) {
      y[t] = RmsNormGolden.row(shape, x[t], gamma);
      q[t] = RmsNormGolden.quantized(shape, y[t]);
    }
    normalizationCycles("rmsnorm", what, x, RMSNORM_LATENCY);
    return new Activations(y, q);
  }

  @Override
  public Activations rope(String what, int[][] x, int[] positions) {
    RopeShape shape = ropeShape(x[0].length, ropeTheta, format);
    int[][] y = new int[x.length][];
    int[][] q = new int[x.length][];
    for (int t = 0; t < x.length; t++) {
      y[t] = RopeGolden.row(shape, x[t], positions[t]);
      q[t] = new int[y[t].length];
      for (int c = 0; c < y[t].length; c++) {
        q[t][c] = RopeGolden.q(shape, y[t][c]);
      }
    }
    long beats = (long) x.length * 2 * shape.beatsPerHalf();
    ledger.add("rope", what, shape.cyclesBackToBack(x.length), beats);
    return new Activations(y, q);
  }

  @Override
  public Activations swiglu(String what, int[][] gate, int[][] up) {
    SwigluShape shape = new SwigluShape(lanes, format);
    int[][] y = new int[gate.length][gate[0].length];
    int[][] q = new int[gate.length][gate[0].length];
    for (int t = 0; t < gate.length; t++) {
      for (int c = 0; c < gate[t].length; c++) {
        y[t][c] = SwigluGolden.y(shape, gate[t][c], up[t][c]);
        q[t][c] = SwigluGolden.q(shape, gate[t][c], up[t][c]);
      }
    }
    elementwiseCycles("swiglu", what, gate, shape.latency());
    return new Activations(y, q);
  }

  @Override
  public CycleLedger cycles() {
    return ledger;
  }

  @Override
  public void close() {}

  /** Elementwise units: one beat of {@code lanes} elements per cycle, rows back to back. */
  private void elementwiseCycles(String unit, String what, int[][] x, int latency) {
    long beats = (long) x.length * ceil(x[0].length, lanes);
    ledger.add(unit, what, beats + latency, beats);
  }

  /** Normalization: two passes of N/L beats per row plus the row gap, rows back to back. */
  private void normalizationCycles(String unit, String what, int[][] x, int latency) {
    long beats = 2L * ceil(x[0].length, lanes);
    ledger.add(unit, what, x.length * (beats + NORMALIZATION_ROW_GAP) + latency, x.length * beats);
  }

  /**
   * The rope unit both modes use for head rows of {@code headDim}: positions 0..{@value
   * #ROPE_MAX_POSITION}, {@link #LANES} lanes or fewer when D/2 is not a multiple of it.
   */
  public static RopeShape ropeShape(int headDim, int theta, Fp8Format format) {
    int l = LANES;
    while ((headDim / 2) % l != 0) {
      l /= 2;
    }
    return new RopeShape(headDim, theta, ROPE_MAX_POSITION, l, format);
  }

  private static int ceil(int a, int b) {
    return (a + b - 1) / b;
  }
}

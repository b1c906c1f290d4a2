package io.hardformer.models.golden;

import io.hardformer.generators.array.AccumulationMode;
import io.hardformer.generators.array.FmaArrayShape;
import io.hardformer.generators.array.MatmulGolden;
import io.hardformer.generators.attention.AttentionGolden;
import io.hardformer.generators.attention.AttentionShape;
import io.hardformer.generators.fp8.FloatPacker;
import io.hardformer.generators.numerics.Fp8Format;
import io.hardformer.models.units.Activations;
import io.hardformer.models.units.CycleLedger;
import io.hardformer.models.units.TransformerUnits;
import java.util.Arrays;

/**
 * The units on their Java golden models ({@code golden} mode). Matmuls: {@link MatmulGolden} (exact
 * accumulation) or its bit-identical fast path {@link Fp32ProductTable} (FP32 accumulation), tiled
 * over an R x C array as {@code rtl} mode tiles them: ceil(T/R) x ceil(N/C) tiles of depth K, back
 * to back. Attention: {@link AttentionGolden}, D = 32, G = 1, FP32 out, one step per query. Vector,
 * LayerNorm and GELU: {@link DoubleStandIns} until their goldens are wired. Cycles come from the
 * cycle contracts ({@link FmaArrayShape#cyclesBackToBack}, {@link AttentionShape#stepPeriod}); the
 * stand-ins' cycles are beats only.
 */
public final class GoldenUnits implements TransformerUnits {
  private final FmaArrayShape array;
  private final Fp8Format format;
  private final Fp32ProductTable table;
  private final CycleLedger ledger = new CycleLedger();

  public GoldenUnits(int rows, int cols, Fp8Format format, AccumulationMode mode) {
    this.array = FmaArrayShape.of(rows, cols, format, mode, FloatPacker.FP32);
    this.format = format;
    this.table = mode == AccumulationMode.FP32 ? new Fp32ProductTable(format) : null;
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
    int[][] y = new int[a.length][];
    int[][] q = new int[a.length][];
    for (int t = 0; t < a.length; t++) {
      y[t] = new int[a[t].length];
      q[t] = new int[a[t].length];
      for (int c = 0; c < a[t].length; c++) {
        y[t][c] = DoubleStandIns.vectorY(a[t][c], scaleExp[c], b[t][c]);
        q[t][c] = DoubleStandIns.vectorQ(format, y[t][c], qexp);
      }
    }
    standInCycles("vector", what, a);
    return new Activations(y, q);
  }

  @Override
  public Activations layerNorm(String what, int[][] x, int[] gamma, int[] beta) {
    int[][] y = new int[x.length][];
    for (int t = 0; t < x.length; t++) {
      y[t] = DoubleStandIns.layerNormRow(x[t], gamma, beta);
    }
    standInCycles("layernorm", what, x);
    return new Activations(y, quantize(y));
  }

  @Override
  public Activations gelu(String what, int[][] x) {
    int[][] y = new int[x.length][x[0].length];
    for (int t = 0; t < x.length; t++) {
      for (int c = 0; c < x[t].length; c++) {
        y[t][c] = DoubleStandIns.geluY(x[t][c]);
      }
    }
    standInCycles("gelu", what, x);
    return new Activations(y, quantize(y));
  }

  @Override
  public Activations rmsNorm(String what, int[][] x, int[] gamma) {
    throw new UnsupportedOperationException("rmsnorm has no golden in this branch (issue 15)");
  }

  @Override
  public Activations rope(String what, int[][] x, int[] positions) {
    throw new UnsupportedOperationException("rope has no golden in this branch (issue 15)");
  }

  @Override
  public Activations swiglu(String what, int[][] gate, int[][] up) {
    throw new UnsupportedOperationException("swiglu has no golden in this branch (issue 15)");
  }

  @Override
  public CycleLedger cycles() {
    return ledger;
  }

  @Override
  public void close() {}

  private int[][] quantize(int[][] y) {
    int[][] q = new int[y.length][];
    for (int t = 0; t < y.length; t++) {
      q[t] = new int[y[t].length];
      for (int c = 0; c < y[t].length; c++) {
        q[t][c] = DoubleStandIns.vectorQ(format, y[t][c], 0);
      }
    }
    return q;
  }

  private void standInCycles(String unit, String what, int[][] x) {
    long beats = DoubleStandIns.beats((long) x.length * x[0].length);
    ledger.add(unit, what, beats, beats);
  }

  private static int ceil(int a, int b) {
    return (a + b - 1) / b;
  }
}

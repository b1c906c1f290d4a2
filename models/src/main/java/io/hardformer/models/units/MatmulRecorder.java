package io.hardformer.models.units;

import java.util.ArrayList;
import java.util.List;

/**
 * {@link TransformerUnits} that passes every call to another implementation and keeps the inputs of
 * every {@link #matmul}: the FP8 activations and weights a model really multiplies, for the FMA
 * array's accuracy study (docs/BENCHMARKS.md, "real-model inputs").
 */
public final class MatmulRecorder implements TransformerUnits {
  /** One recorded matmul: {@code x[t][k]} and {@code w[k][n]} FP8 codes, as passed. */
  public record Matmul(String what, int[][] x, int[][] w) {
    /** The reduction depth K. */
    public int depth() {
      return w.length;
    }
  }

  private final TransformerUnits units;
  private final List<Matmul> matmuls = new ArrayList<>();

  public MatmulRecorder(TransformerUnits units) {
    this.units = units;
  }

  /** The matmuls so far, in call order. */
  public List<Matmul> matmuls() {
    return List.copyOf(matmuls);
  }

  @Override
  public int[][] matmul(String what, int[][] x, int[][] w) {
    matmuls.add(new Matmul(what, copy(x), copy(w)));
    return units.matmul(what, x, w);
  }

  @Override
  public int[][] attention(String what, int[][] q, int[][] k, int[][] v, int[] keys) {
    return units.attention(what, q, k, v, keys);
  }

  @Override
  public Activations vector(String what, int[][] a, int[] scaleExp, int[][] b, int qexp) {
    return units.vector(what, a, scaleExp, b, qexp);
  }

  @Override
  public Activations layerNorm(String what, int[][] x, int[] gamma, int[] beta) {
    return units.layerNorm(what, x, gamma, beta);
  }

  @Override
  public Activations gelu(String what, int[][] x) {
    return units.gelu(what, x);
  }

  @Override
  public Activations rmsNorm(String what, int[][] x, int[] gamma) {
    return units.rmsNorm(what, x, gamma);
  }

  @Override
  public Activations rope(String what, int[][] x, int[] positions) {
    return units.rope(what, x, positions);
  }

  @Override
  public Activations swiglu(String what, int[][] gate, int[][] up) {
    return units.swiglu(what, gate, up);
  }

  @Override
  public CycleLedger cycles() {
    return units.cycles();
  }

  @Override
  public void close() {
    units.close();
  }

  private static int[][] copy(int[][] m) {
    int[][] c = new int[m.length][];
    for (int i = 0; i < m.length; i++) {
      c[i] = m[i].clone();
    }
    return c;
  }
}

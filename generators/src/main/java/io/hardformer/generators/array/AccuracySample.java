package io.hardformer.generators.array;

import io.hardformer.generators.array.AccumulationAccuracy.Inputs;
import io.hardformer.generators.numerics.ExactDot;
import io.hardformer.generators.numerics.Fp8Arithmetic;
import io.hardformer.generators.numerics.Fp8Format;
import java.util.Random;

/**
 * The inputs of one accuracy measurement and their FP64 reference: a rows x K matrix X and a K x
 * cols matrix W of independent samples (standard Gaussian, or Student-t with 3 degrees of freedom),
 * each tensor scaled so its largest magnitude is the format's largest normal (per-tensor amax
 * scaling), quantized to FP8 with RNE (saturating); for every output the exact dot product rounded
 * to double and {@code sum |x w|}. Drawn once, it measures any number of configurations of its
 * format ({@link AccumulationAccuracy#measure(FmaArrayShape, AccuracySample)}).
 */
public final class AccuracySample {
  private final Fp8Format format;
  private final int[][] x;
  private final int[][] w;
  private final double[][] exact;
  private final double[][] sumAbs;

  private AccuracySample(
      Fp8Format format, int[][] x, int[][] w, double[][] exact, double[][] sumAbs) {
    this.format = format;
    this.x = x;
    this.w = w;
    this.exact = exact;
    this.sumAbs = sumAbs;
  }

  /** Draws X (rows x K) then W (K x cols) from {@code new Random(seed)}. */
  public static AccuracySample of(
      Fp8Format f, Inputs inputs, int k, long seed, int rows, int cols) {
    if (rows < 1 || cols < 1 || k < 1) {
      throw new IllegalArgumentException(
          "sample of " + rows + " x " + cols + " outputs at K = " + k + "; give at least 1 each");
    }
    Random r = new Random(seed);
    int[][] x = quantized(f, draw(inputs, r, rows, k));
    int[][] w = quantized(f, draw(inputs, r, k, cols));
    return ofCodes(f, x, w);
  }

  /**
   * Given matrices: {@code x[i][k]} and {@code w[k][j]}, FP8 codes of format {@code f} (a real
   * model's activations and weights), every output of X . W.
   */
  public static AccuracySample ofCodes(Fp8Format f, int[][] x, int[][] w) {
    int rows = x.length;
    int cols = w[0].length;
    int k = w.length;
    int unit = 2 * f.quantumExponent();
    double[][] exact = new double[rows][cols];
    double[][] sumAbs = new double[rows][cols];
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < cols; j++) {
        int[] col = new int[k];
        double s = 0;
        for (int t = 0; t < k; t++) {
          col[t] = w[t][j];
          s += Math.abs(Float.intBitsToFloat(Fp8Arithmetic.multiply(f, x[i][t], col[t])));
        }
        sumAbs[i][j] = s;
        exact[i][j] = Math.scalb(ExactDot.of(f, x[i], col).sum().doubleValue(), unit);
      }
    }
    return new AccuracySample(f, x, w, exact, sumAbs);
  }

  public Fp8Format format() {
    return format;
  }

  public int rows() {
    return x.length;
  }

  public int cols() {
    return w[0].length;
  }

  public int k() {
    return w.length;
  }

  /** X's FP8 codes, {@code x[i][k]} (a copy). */
  public int[][] x() {
    return copy(x);
  }

  /** W's FP8 codes, {@code w[k][j]} (a copy). */
  public int[][] w() {
    return copy(w);
  }

  /** The exact dot product of output (i, j), rounded to double. */
  public double exact(int i, int j) {
    return exact[i][j];
  }

  /** {@code sum |x w|} of output (i, j), each product exact, summed in double. */
  public double sumAbs(int i, int j) {
    return sumAbs[i][j];
  }

  private static int[][] copy(int[][] a) {
    int[][] c = new int[a.length][];
    for (int i = 0; i < a.length; i++) {
      c[i] = a[i].clone();
    }
    return c;
  }

  private static double[][] draw(Inputs inputs, Random r, int rows, int cols) {
    double[][] v = new double[rows][cols];
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < cols; j++) {
        double z = r.nextGaussian();
        if (inputs == Inputs.STUDENT_T3) {
          double chi = 0;
          for (int d = 0; d < 3; d++) {
            double g = r.nextGaussian();
            chi += g * g;
          }
          z /= Math.sqrt(chi / 3);
        }
        v[i][j] = z;
      }
    }
    return v;
  }

  /** Per-tensor amax scaling to the largest normal, then RNE to FP8 (saturating). */
  private static int[][] quantized(Fp8Format f, double[][] v) {
    double amax = 0;
    for (double[] row : v) {
      for (double e : row) {
        amax = Math.max(amax, Math.abs(e));
      }
    }
    double scale = f.toDouble(f.maxNormalCode()) / amax;
    int[][] q = new int[v.length][v[0].length];
    for (int i = 0; i < v.length; i++) {
      for (int j = 0; j < v[0].length; j++) {
        q[i][j] =
            Fp8Arithmetic.quantize(f, Float.floatToRawIntBits((float) (v[i][j] * scale)), true);
      }
    }
    return q;
  }
}

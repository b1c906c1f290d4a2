package io.hardformer.generators.array;

import io.hardformer.generators.numerics.ExactDot;
import io.hardformer.generators.numerics.Fp8Arithmetic;
import io.hardformer.generators.numerics.Fp8Format;
import java.util.Random;

/**
 * How far an FMA array's outputs are from FP64, by accumulation mode and lane count: the error of
 * every output of {@link MatmulGolden} (bit-exact with the RTL) against the exact dot product
 * rounded to double, relative to {@code sum |x w|} and to {@code |y|}. Pure Java, no Verilator.
 *
 * <p>Inputs: an {@value #SAMPLE_ROWS} x K matrix X and a K x {@value #SAMPLE_COLS} matrix W of
 * independent samples (standard Gaussian, or Student-t with 3 degrees of freedom), each tensor
 * scaled so its largest magnitude is the format's largest normal (per-tensor amax scaling), then
 * quantized to FP8 with RNE (saturating).
 */
public final class AccumulationAccuracy {
  /** Rows of X per measurement. */
  public static final int SAMPLE_ROWS = 8;

  /** Columns of W per measurement; {@code SAMPLE_ROWS x SAMPLE_COLS} outputs. */
  public static final int SAMPLE_COLS = 8;

  /** The input distributions of the study. */
  public enum Inputs {
    GAUSSIAN,
    STUDENT_T3;

    public String cliName() {
      return this == GAUSSIAN ? "gaussian" : "student-t3";
    }
  }

  /**
   * Error figures over the outputs: max and RMS of {@code |y - exact| / sum|x w|}, and of {@code |y
   * - exact| / |exact|} (outputs whose exact value is 0 are left out of the latter).
   */
  public record Errors(
      double maxRelSumAbs, double rmsRelSumAbs, double maxRelY, double rmsRelY, int outputs) {}

  private AccumulationAccuracy() {}

  /**
   * The error figures of one configuration (its format, mode, lanes, B and N; rows, cols and out
   * format are ignored: outputs are taken in FP32) at depth K on one input distribution.
   */
  public static Errors measure(FmaArrayShape config, Inputs inputs, int k, long seed) {
    Fp8Format f = config.format();
    Random r = new Random(seed);
    int[][] x = quantized(f, sample(inputs, r, SAMPLE_ROWS, k));
    double[][] wt = sample(inputs, r, k, SAMPLE_COLS);
    int[][] w = quantized(f, wt);
    return measure(config, x, w);
  }

  /**
   * The error figures of one configuration on given matrices: {@code x[i][k]} and {@code w[k][j]}
   * FP8 codes of the configuration's format (a real model's activations and weights), every output
   * of X . W.
   */
  public static Errors measure(FmaArrayShape config, int[][] x, int[][] w) {
    Fp8Format f = config.format();
    int rows = x.length;
    int cols = w[0].length;
    int k = w.length;
    FmaArrayShape fp32Out =
        new FmaArrayShape(
            rows,
            cols,
            f,
            config.mode(),
            io.hardformer.generators.fp8.FloatPacker.FP32,
            Math.max(config.maxK(), k),
            config.lanes(),
            config.accBits(),
            config.promoteEvery());
    long[][] y = MatmulGolden.multiply(fp32Out, x, w);
    int unit = 2 * f.quantumExponent();
    double maxSum = 0;
    double sqSum = 0;
    double maxY = 0;
    double sqY = 0;
    int nonzero = 0;
    int n = 0;
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < cols; j++) {
        int[] col = new int[k];
        double sumAbs = 0;
        for (int t = 0; t < k; t++) {
          col[t] = w[t][j];
          sumAbs += Math.abs(Float.intBitsToFloat(Fp8Arithmetic.multiply(f, x[i][t], col[t])));
        }
        double exact = Math.scalb(ExactDot.of(f, x[i], col).sum().doubleValue(), unit);
        double err = Math.abs(Float.intBitsToFloat((int) y[i][j]) - exact);
        double relSum = sumAbs == 0 ? 0 : err / sumAbs;
        maxSum = Math.max(maxSum, relSum);
        sqSum += relSum * relSum;
        n++;
        if (exact != 0) {
          double relY = err / Math.abs(exact);
          maxY = Math.max(maxY, relY);
          sqY += relY * relY;
          nonzero++;
        }
      }
    }
    return new Errors(
        maxSum, Math.sqrt(sqSum / n), maxY, nonzero == 0 ? 0 : Math.sqrt(sqY / nonzero), n);
  }

  private static double[][] sample(Inputs inputs, Random r, int rows, int cols) {
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

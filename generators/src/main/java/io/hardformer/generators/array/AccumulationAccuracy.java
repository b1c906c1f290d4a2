package io.hardformer.generators.array;

/**
 * How far an FMA array's outputs are from FP64, by accumulation mode and lane count: the error of
 * every output of {@link MatmulGolden} (bit-exact with the RTL) against the exact dot product
 * rounded to double, relative to {@code sum |x w|} and to {@code |y|}. Pure Java, no Verilator.
 *
 * <p>Inputs ({@link AccuracySample}): by default an {@value #SAMPLE_ROWS} x K matrix X and a K x
 * {@value #SAMPLE_COLS} matrix W of independent samples (standard Gaussian, or Student-t with 3
 * degrees of freedom), each tensor scaled so its largest magnitude is the format's largest normal
 * (per-tensor amax scaling), then quantized to FP8 with RNE (saturating).
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
    return measure(config, inputs, k, seed, SAMPLE_ROWS, SAMPLE_COLS);
  }

  /**
   * As {@link #measure(FmaArrayShape, Inputs, int, long)} with {@code rows x cols} outputs (X is
   * rows x K, W is K x cols) instead of {@value #SAMPLE_ROWS} x {@value #SAMPLE_COLS}.
   */
  public static Errors measure(
      FmaArrayShape config, Inputs inputs, int k, long seed, int rows, int cols) {
    return measure(config, AccuracySample.of(config.format(), inputs, k, seed, rows, cols));
  }

  /**
   * The error figures of one configuration on given matrices: {@code x[i][k]} and {@code w[k][j]}
   * FP8 codes of the configuration's format (a real model's activations and weights), every output
   * of X . W.
   */
  public static Errors measure(FmaArrayShape config, int[][] x, int[][] w) {
    return measure(config, AccuracySample.ofCodes(config.format(), x, w));
  }

  /**
   * The error figures of one configuration on a sample drawn for its format (reuse the sample to
   * measure many configurations of one format, depth and input class).
   */
  public static Errors measure(FmaArrayShape config, AccuracySample sample) {
    if (config.format() != sample.format()) {
      throw new IllegalArgumentException(
          "a "
              + config.format().cliName()
              + " configuration measured on a "
              + sample.format().cliName()
              + " sample; draw the sample for the configuration's format");
    }
    int rows = sample.rows();
    int cols = sample.cols();
    int k = sample.k();
    FmaArrayShape fp32Out =
        new FmaArrayShape(
            rows,
            cols,
            config.format(),
            config.mode(),
            io.hardformer.generators.fp8.FloatPacker.FP32,
            Math.max(config.maxK(), k),
            config.lanes(),
            config.accBits(),
            config.promoteEvery());
    long[][] y = MatmulGolden.multiply(fp32Out, sample.x(), sample.w());
    double maxSum = 0;
    double sqSum = 0;
    double maxY = 0;
    double sqY = 0;
    int nonzero = 0;
    int n = 0;
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < cols; j++) {
        double sumAbs = sample.sumAbs(i, j);
        double exact = sample.exact(i, j);
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
}

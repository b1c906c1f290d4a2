package io.hardformer.generators.normalization;

/**
 * The accuracy of {@code layernorm} against double precision on the same FP32 inputs: half an FP32
 * ulp plus 2^-16 x the row's output RMS per element, for rows with max|x| &lt;= 2^12 x sqrt(var +
 * eps). The terms and where they come from: {@link NormalizationAccuracy}.
 */
public final class LayerNormAccuracy {
  private LayerNormAccuracy() {}

  /**
   * The allowed error of an element with reference {@code reference} in a row of output RMS {@code
   * rms}.
   */
  public static double allowedError(double reference, double rms) {
    return NormalizationAccuracy.allowedError(reference, rms);
  }

  /** (x - mean) / sqrt(var + eps) x gamma + beta in double. */
  public static double[] reference(LayerNormShape s, int[] x, int[] gamma, int[] beta) {
    return NormalizationAccuracy.reference(s.core(), x, gamma, beta);
  }

  /** The worst error of a row as a fraction of the allowed error. */
  public static double worstFraction(LayerNormShape s, int[] x, int[] gamma, int[] beta, int[] y) {
    return NormalizationAccuracy.worstFraction(s.core(), x, gamma, beta, y);
  }
}

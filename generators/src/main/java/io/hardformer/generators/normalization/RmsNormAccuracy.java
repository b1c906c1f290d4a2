package io.hardformer.generators.normalization;

/**
 * The accuracy of {@code rmsnorm} against double precision on the same FP32 inputs: half an FP32
 * ulp plus 2^-16 x the row's output RMS per element, for every finite row. The terms and where they
 * come from: {@link NormalizationAccuracy}.
 */
public final class RmsNormAccuracy {
  private RmsNormAccuracy() {}

  /**
   * The allowed error of an element with reference {@code reference} in a row of output RMS {@code
   * rms}.
   */
  public static double allowedError(double reference, double rms) {
    return NormalizationAccuracy.allowedError(reference, rms);
  }

  /** x / sqrt(mean(x^2) + eps) x gamma in double. */
  public static double[] reference(RmsNormShape s, int[] x, int[] gamma) {
    return NormalizationAccuracy.reference(s.core(), x, gamma, null);
  }

  /** The worst error of a row as a fraction of the allowed error. */
  public static double worstFraction(RmsNormShape s, int[] x, int[] gamma, int[] y) {
    return NormalizationAccuracy.worstFraction(s.core(), x, gamma, null, y);
  }
}

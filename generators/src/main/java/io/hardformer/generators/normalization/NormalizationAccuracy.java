package io.hardformer.generators.normalization;

/**
 * The accuracy contract of {@code layernorm} and {@code rmsnorm}: against the same formula in
 * double precision on the same FP32 inputs, every output element is within
 *
 * <pre>  half an FP32 ulp of the reference  +  2^-16 x rms(reference row)</pre>
 *
 * for rows with max|x| &lt;= 2^12 x sqrt(var + eps) (layernorm; rmsnorm rows always satisfy it, as
 * max|x| &lt;= sqrt(N) x rms(x)) and gamma, beta of the size of the row's outputs. Where the terms
 * come from (z = the normalized value, |z| &lt;= sqrt(N) &lt;= 2^6.5; M = max|x| / sqrt(var +
 * eps)):
 *
 * <ul>
 *   <li>half an ulp: the one rounding of the result to FP32;
 *   <li>alignment: each X is truncated to a unit of 2^-31 x max|x| and A collects at most one unit
 *       per element and per rescale, so the mean moves by under 2 units and x - mean by under 3:
 *       under 3 x 2^-31 x M in z (2^-17.4 at M = 2^12), times |gamma|;
 *   <li>statistics: V is exact; its conversion, 1/N^2, + eps, the inverse square root (under 2^-28
 *       after three Newton steps) and 1/N each truncate to 32 bits: under 2^-27 relative in k, so
 *       under 2^-20.5 x |z gamma| for |z| &lt;= 2^6.5;
 *   <li>output: D to 32 bits, x k, x gamma, + beta each under 2^-31 relative to their operands:
 *       under 2^-29 x (|z gamma| + |beta|).
 * </ul>
 *
 * Together under 2^-17 of the row's output scale in the worst case; the bound keeps a margin of 2.
 */
public final class NormalizationAccuracy {
  public static final int RELATIVE_LOG2 = -16;

  private NormalizationAccuracy() {}

  /**
   * The allowed error of an element whose reference is {@code reference} in a row of RMS {@code
   * rms}.
   */
  public static double allowedError(double reference, double rms) {
    return Math.ulp((float) reference) / 2 + Math.scalb(rms, RELATIVE_LOG2);
  }

  /** The formula in double on the same FP32 inputs ({@code beta} ignored when not centered). */
  public static double[] reference(NormalizationShape s, int[] x, int[] gamma, int[] beta) {
    int n = s.dim();
    double mean = 0;
    if (s.centered()) {
      for (int v : x) {
        mean += Float.intBitsToFloat(v);
      }
      mean /= n;
    }
    double var = 0;
    for (int v : x) {
      double d = Float.intBitsToFloat(v) - mean;
      var += d * d;
    }
    var /= n;
    double r = 1 / Math.sqrt(var + s.eps());
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      y[i] = (Float.intBitsToFloat(x[i]) - mean) * r * Float.intBitsToFloat(gamma[i]);
      if (s.centered()) {
        y[i] += Float.intBitsToFloat(beta[i]);
      }
    }
    return y;
  }

  /** Root mean square of a row. */
  public static double rms(double[] y) {
    double sum = 0;
    for (double v : y) {
      sum += v * v;
    }
    return Math.sqrt(sum / y.length);
  }

  /**
   * The worst error of a row's outputs as a fraction of its allowed error (at most 1 meets the
   * contract).
   */
  public static double worstFraction(
      NormalizationShape s, int[] x, int[] gamma, int[] beta, int[] got) {
    double[] ref = reference(s, x, gamma, beta);
    double rms = rms(ref);
    double worst = 0;
    for (int i = 0; i < ref.length; i++) {
      double e = Math.abs(Float.intBitsToFloat(got[i]) - ref[i]);
      worst = Math.max(worst, e / allowedError(ref[i], rms));
    }
    return worst;
  }
}

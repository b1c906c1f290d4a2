package io.hardformer.generators.activation;

/**
 * The accuracy contract of the {@code gelu} unit: for every finite FP32 x, against y_ref = x Phi(x)
 * in double precision,
 *
 * <pre>  |y - y_ref| &lt;= 2^-23 |y_ref| + 2^-22 |x| + 2^-126</pre>
 *
 * so for x &gt;= 0 (where Phi &gt;= 1/2) y is within 2^-21 relative (about 4 FP32 ulps) above the
 * flush threshold, and for x &lt; 0 within 2^-22 |x| absolute. Where the terms come from (g = the
 * gate the hardware forms, {@link GatedProductGolden#gate}):
 *
 * <ul>
 *   <li>2^-22 |x|: |g - Phi(x)| &lt; 2^-23.4: the table as the hardware evaluates it (the cubic
 *       fit, coefficients rounded to 2^-28, the three Horner products floored) is within 2^-24 of
 *       Phi on every segment (2^-24.3 measured by GeluAccuracyTest on a dense grid), plus the
 *       truncation of u = |x| to 24 fraction bits (at most max Phi' = 0.399 times 2^-24: 2^-25.3);
 *       beyond |x| = 8 the gate is exactly 1 or 0 (1 - Phi(8) ~ 2^-50). Times |x|; a margin of
 *       about 2.6;
 *   <li>2^-23 |y_ref|: the one RNE of x g to 24 bits (half an ulp, under 2^-24 relative) plus the
 *       double reference's own rounding; a margin of 2;
 *   <li>2^-126: results below 2^-126 flush to zero of their sign (FP32 subnormal results are not
 *       formed; subnormal inputs are read exactly, so y = x/2 flushes).
 * </ul>
 */
public final class GeluAccuracy {
  public static final int RELATIVE_LOG2 = -23;
  public static final int INPUT_LOG2 = -22;
  public static final int FLUSH_LOG2 = -126;

  /** The fit error of the Phi table that the bound assumes (checked by GeluAccuracyTest). */
  public static final double FIT_LOG2 = -24.0;

  private GeluAccuracy() {}

  /** x Phi(x) in double. */
  public static double reference(double x) {
    return x * NormalCdf.phi(x);
  }

  /** The allowed |y - y_ref| for input x. */
  public static double allowedError(double x, double reference) {
    return Math.scalb(Math.abs(reference), RELATIVE_LOG2)
        + Math.scalb(Math.abs(x), INPUT_LOG2)
        + Math.scalb(1.0, FLUSH_LOG2);
  }

  /** |y - y_ref| / allowed for a finite FP32 input code x and the output code y (1 meets it). */
  public static double errorFraction(int x, int y) {
    double xv = Float.intBitsToFloat(x);
    double ref = reference(xv);
    double got = Float.intBitsToFloat(y);
    return Math.abs(got - ref) / allowedError(xv, ref);
  }
}

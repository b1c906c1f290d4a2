package io.hardformer.generators.activation;

/**
 * The accuracy contract of the {@code swiglu} unit: for finite FP32 gate and up whose result does
 * not overflow, against y_ref = gate sigmoid(gate) up in double precision,
 *
 * <pre>  |y - y_ref| &lt;= 2^-22 |y_ref| + 2^-21 |gate up| + 2^-126</pre>
 *
 * so for gate &gt;= 0 (sigmoid &gt;= 1/2) y is within 2^-20 relative above the flush threshold.
 * Where the terms come from:
 *
 * <ul>
 *   <li>2^-21 |gate up|: |g - sigmoid(gate)| &lt; 2^-22.2 for the gate the hardware forms: the
 *       table as evaluated (cubic fit, coefficients rounded to 2^-28, products floored) within
 *       2^-22.4 of sigmoid on every segment (2^-22.5 measured by SwigluAccuracyTest), plus u
 *       truncated to 24 fraction bits (max sigmoid' = 1/4 times 2^-24 = 2^-26); beyond |gate| = 16
 *       the gate is exactly 1 or 0 (error 1 - sigmoid(16) = 2^-23.1). Times |gate up|, plus the
 *       rounding of SiLU(gate) carried through the product: a margin of 1.7;
 *   <li>2^-22 |y_ref|: two RNEs to 24 bits (SiLU(gate), then the product with up: under 2^-23
 *       together) plus the double reference's own; a margin of 2;
 *   <li>2^-126: results below 2^-126 flush to zero of their sign. SiLU(gate) itself never flushes
 *       (its exponent is unbounded inside the unit) and subnormal inputs are read exactly, so no
 *       term grows with |up| or |gate| alone.
 * </ul>
 *
 * A product beyond the FP32 range gives Inf of its sign, as IEEE multiplication does.
 */
public final class SwigluAccuracy {
  public static final int RELATIVE_LOG2 = -22;
  public static final int PRODUCT_LOG2 = -21;
  public static final int FLUSH_LOG2 = -126;

  /** The fit error of the sigmoid table that the bound assumes (checked by SwigluAccuracyTest). */
  public static final double FIT_LOG2 = -22.4;

  private SwigluAccuracy() {}

  /** gate sigmoid(gate) up in double. */
  public static double reference(double gate, double up) {
    return gate * GatingFunction.SIGMOID.value(gate) * up;
  }

  /** The allowed |y - y_ref|. */
  public static double allowedError(double gate, double up, double reference) {
    return Math.scalb(Math.abs(reference), RELATIVE_LOG2)
        + Math.scalb(Math.abs(gate * up), PRODUCT_LOG2)
        + Math.scalb(1.0, FLUSH_LOG2);
  }

  /**
   * |y - y_ref| / allowed for finite FP32 codes gate, up and the output code y (at most 1 meets the
   * contract). An infinite y meets it when y_ref, pushed by the allowed error, reaches the FP32
   * overflow threshold (2 - 2^-24) 2^127 with the same sign.
   */
  public static double errorFraction(int gate, int up, int y) {
    double g = Float.intBitsToFloat(gate);
    double u = Float.intBitsToFloat(up);
    double ref = reference(g, u);
    double allowed = allowedError(g, u, ref);
    double got = Float.intBitsToFloat(y);
    if (Double.isInfinite(got)) {
      double threshold = Math.scalb(2 - Math.scalb(1.0, -24), 127);
      boolean reaches = Math.abs(ref) + allowed >= threshold && (ref < 0) == (got < 0);
      return reaches ? 0 : Double.POSITIVE_INFINITY;
    }
    return Math.abs(got - ref) / allowed;
  }
}

package io.hardformer.generators.rope;

/**
 * The rotary embedding's accuracy against double precision ({@code a_i = pos ×
 * StrictMath.pow(theta, -2i/D)}, then {@code x_i cos a_i - x_j sin a_i} in double) on the same FP32
 * row, for positions up to 2^24:
 *
 * <p>{@code |y - y_ref| <= 2^-21 × max|x| + 2^-24 × |y_ref| + 2^-150}, where the terms are:
 *
 * <ul>
 *   <li>angle: F_i comes from a double (relative error 2^-52, F_i < 1/(2π)), so pos × F_i is off by
 *       at most 2^24 × 2^-52 / 2π < 2^-30.6 turns, plus 2^-64 × 2^24 for rounding F_i and 2^-32 for
 *       truncating the phase to 32 bits: under 2^-29.9 turns, 2^-27.3 rad;
 *   <li>sin and cos: Taylor remainders d^3/6 + d^4/24 with d < 2π/1024 (under 2^-24.6), table
 *       rounding 2^-31, the residual angle's rounding (2^-30 × (1 + 2^-8)), three floored products
 *       (3 × 2^-30): under 2^-24.2 each;
 *   <li>so the exact rotation of our (c, s) differs from the ideal by at most (|x_i| + |x_j|) ×
 *       (2^-24.2 + 2^-27.3) < max|x| × 2^-22.9: the 2^-21 term (a margin of 3.7);
 *   <li>the one FP32 rounding: half an ulp, at most 2^-24 × |y| (normal) or 2^-150 (subnormal);
 *       2^-24 × |y - y_ref| is absorbed by the margin.
 * </ul>
 *
 * The double reference's own error (angle 2^24 × 2^-53 rad) is far below these.
 */
public final class RopeAccuracy {
  /** log2 of the max|x| term. */
  public static final int RELATIVE_LOG2 = -21;

  private RopeAccuracy() {}

  /** The largest allowed |y - y_ref| for a row whose largest magnitude is {@code maxAbsX}. */
  public static double allowedError(double maxAbsX, double reference) {
    return Math.scalb(maxAbsX, RELATIVE_LOG2)
        + Math.scalb(Math.abs(reference), -24)
        + Math.scalb(1.0, -150);
  }
}

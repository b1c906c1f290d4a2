package io.hardformer.generators.vector;

import io.hardformer.generators.numerics.Fp8Format;

/**
 * The vector unit's accuracy against double precision, on the same FP32 inputs.
 *
 * <p>{@code y}: {@code a × 2^s} is exact (a 24-bit significand with an exponent the datapath never
 * clips), and {@code a × 2^s + b} is rounded once to nearest even, so for a finite result {@code |y
 * - (a × 2^s + b)| <= ulp/2}, where ulp is FP32's unit in the last place in the exact value's
 * binade: 2^(max(floor(log2|x|), -126) - 23). The only term is that one rounding; there is no other
 * error. Overflow: an exact value of magnitude at least 2^128 × (1 - 2^-25) gives ±Inf (IEEE RNE).
 *
 * <p>{@code q}: {@code y × 2^-qexp} is exact up to FP8 saturation, then rounded once to FP8, so
 * {@code |q - y × 2^-qexp| <= ulp8/2} with ulp8 = 2^(max(floor(log2|z|), 1 - bias) - m) of the
 * format, unless |z| exceeds the format's max normal (then q = ±max normal). Against the exact
 * {@code a × 2^s + b} the q error is the sum of both roundings, {@link #allowedQError}.
 */
public final class VectorAccuracy {
  private VectorAccuracy() {}

  /** Half an FP32 ulp at {@code exact}'s binade: the largest allowed {@code |y - exact|}. */
  public static double allowedYError(double exact) {
    int e = exact == 0 ? -126 : Math.max(Math.getExponent(exact), -126);
    return Math.scalb(1.0, e - 24);
  }

  /**
   * The largest allowed {@code |q × 2^qexp - exact|} for the exact {@code exact = a × 2^s + b},
   * when {@code |exact × 2^-qexp|} is within the format's max normal: the FP32 rounding of y plus
   * the FP8 rounding of y × 2^-qexp (which lies within one FP32 half ulp of the exact scaled value,
   * so its FP8 binade is at most one above).
   */
  public static double allowedQError(Fp8Format f, double exact, int qexp) {
    double z = Math.scalb(exact, -qexp);
    double zUp = Math.abs(z) + Math.scalb(allowedYError(exact), -qexp);
    int e =
        zUp == 0 ? f.minNormalExponent() : Math.max(Math.getExponent(zUp), f.minNormalExponent());
    double fp8HalfUlp = Math.scalb(1.0, e - f.mantissaBits() - 1);
    return allowedYError(exact) + Math.scalb(fp8HalfUlp, qexp);
  }
}

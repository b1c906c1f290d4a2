package io.hardformer.generators.numerics;

import java.math.BigInteger;

/**
 * The exact sum of FP8 products as an integer in units of the smallest product (2^(2 x quantum)),
 * with the special-value flags: NaN (a NaN operand or Inf x 0), and infinite products by sign.
 */
public record ExactDot(BigInteger sum, boolean nan, boolean posInf, boolean negInf) {
  public static ExactDot of(Fp8Format f, int[] a, int[] b) {
    boolean nan = false;
    boolean posInf = false;
    boolean negInf = false;
    BigInteger sum = BigInteger.ZERO;
    int unit = 2 * f.quantumExponent();
    for (int i = 0; i < a.length; i++) {
      boolean neg = f.isNegative(a[i]) ^ f.isNegative(b[i]);
      if (f.isNaN(a[i]) || f.isNaN(b[i])) {
        nan = true;
        continue;
      }
      boolean infA = f.isInfinite(a[i]);
      boolean infB = f.isInfinite(b[i]);
      if (infA || infB) {
        if ((!infA && f.significand(a[i]) == 0) || (!infB && f.significand(b[i]) == 0)) {
          nan = true;
        } else if (neg) {
          negInf = true;
        } else {
          posInf = true;
        }
        continue;
      }
      BigInteger p =
          BigInteger.valueOf((long) f.significand(a[i]) * f.significand(b[i]))
              .shiftLeft(f.exponent(a[i]) + f.exponent(b[i]) - unit);
      sum = neg ? sum.subtract(p) : sum.add(p);
    }
    return new ExactDot(sum, nan, posInf, negInf);
  }

  /** True when any product was NaN or infinite. */
  public boolean special() {
    return nan || posInf || negInf;
  }
}

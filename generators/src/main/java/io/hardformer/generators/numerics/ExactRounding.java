package io.hardformer.generators.numerics;

import java.math.BigInteger;

/**
 * Round-to-nearest-even of an exact non-negative value {@code magnitude × 2^scale} to a binary
 * format with {@code mantissaBits} fraction bits and smallest normal exponent {@code minExponent},
 * with subnormals. The one rounding routine behind FP32, BF16 and FP8 results.
 */
public final class ExactRounding {
  private ExactRounding() {}

  /**
   * The rounded magnitude's code {@code exponentField << mantissaBits | fraction}, where the
   * exponent field may exceed the format's largest (the caller decides what overflow means).
   */
  public static long roundToCode(
      BigInteger magnitude, int scale, int mantissaBits, int minExponent) {
    if (magnitude.signum() == 0) {
      return 0;
    }
    int e = magnitude.bitLength() - 1 + scale; // value in [2^e, 2^(e+1))
    int top = Math.max(e, minExponent);
    int quantum = top - mantissaBits;
    int shift = quantum - scale;
    BigInteger kept;
    if (shift <= 0) {
      kept = magnitude.shiftLeft(-shift);
    } else {
      kept = magnitude.shiftRight(shift);
      BigInteger rest = magnitude.subtract(kept.shiftLeft(shift));
      int c = rest.compareTo(BigInteger.ONE.shiftLeft(shift - 1));
      if (c > 0 || (c == 0 && kept.testBit(0))) {
        kept = kept.add(BigInteger.ONE);
      }
    }
    // kept counts quanta and includes the hidden bit for normals, so a carry moves into the
    // exponent
    long base = (long) (top - minExponent) << mantissaBits;
    return base + kept.longValueExact();
  }

  /** IEEE-style: round, and overflow to infinity. Returns the magnitude code (sign clear). */
  public static long toBinary(BigInteger magnitude, int scale, BinaryFormat f) {
    long code = roundToCode(magnitude, scale, f.mantissaBits(), f.minNormalExponent());
    return Math.min(code, f.infinityCode());
  }
}

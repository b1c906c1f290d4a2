package io.hardformer.generators.numerics;

import java.math.BigInteger;

/** A non-negative exact binary value: {@code magnitude × 2^scale}. */
public record ExactValue(BigInteger magnitude, int scale) {
  /** The exact value of a finite, non-negative double. */
  public static ExactValue of(double v) {
    if (v < 0 || Double.isNaN(v) || Double.isInfinite(v)) {
      throw new IllegalArgumentException("finite non-negative value required: " + v);
    }
    long bits = Double.doubleToRawLongBits(v);
    int e = (int) ((bits >>> 52) & 0x7FF);
    long m = bits & ((1L << 52) - 1);
    if (e == 0) {
      return new ExactValue(BigInteger.valueOf(m), -1074);
    }
    return new ExactValue(BigInteger.valueOf(m | (1L << 52)), e - 1075);
  }
}

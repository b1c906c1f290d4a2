package io.hardformer.generators.normalization;

import java.math.BigInteger;

/**
 * The normalization units' internal number: value = (-1)^negative x m x 2^e with a 32-bit
 * significand {@code m} whose top bit is set (or m = 0 for a signed zero). Every operation
 * truncates toward zero to 32 bits, so each one's relative error is under 2^-31; the hardware
 * ({@link ExtendedFloatMultiply}, {@link ExtendedFloatAdd}) does exactly these steps.
 */
public record ExtendedFloat(boolean negative, long m, int e) {
  public static final int BITS = 32;
  static final long TOP = 1L << (BITS - 1);

  public ExtendedFloat {
    if (m != 0 && (m >>> (BITS - 1)) != 1) {
      throw new IllegalArgumentException("significand not normalized: 0x" + Long.toHexString(m));
    }
  }

  public static ExtendedFloat zero(boolean negative) {
    return new ExtendedFloat(negative, 0, 0);
  }

  public boolean isZero() {
    return m == 0;
  }

  /** A magnitude of up to 64 bits (unsigned) times 2^e, truncated to 32 significant bits. */
  public static ExtendedFloat ofMagnitude(boolean negative, long magnitude, int e) {
    if (magnitude == 0) {
      return zero(negative);
    }
    int lz = Long.numberOfLeadingZeros(magnitude);
    int top = 63 - lz; // index of the leading one
    return top >= BITS - 1
        ? new ExtendedFloat(negative, magnitude >>> (top - (BITS - 1)), e + top - (BITS - 1))
        : new ExtendedFloat(negative, magnitude << (BITS - 1 - top), e - (BITS - 1 - top));
  }

  /** A signed integer of any width times 2^e, truncated to 32 significant bits. */
  public static ExtendedFloat ofInteger(BigInteger v, int e) {
    BigInteger mag = v.abs();
    int shift = Math.max(0, mag.bitLength() - BITS);
    return ofMagnitude(v.signum() < 0, mag.shiftRight(shift).longValue(), e + shift);
  }

  /** A finite FP32 value, exactly (subnormals normalized). */
  public static ExtendedFloat ofFp32(int bits) {
    int field = (bits >>> 23) & 0xFF;
    long sig = (bits & 0x7FFFFF) | (field == 0 ? 0 : 0x800000);
    return ofMagnitude(bits < 0, sig, Math.max(field, 1) - 150);
  }

  /** this x other: the 64-bit product's top 32 bits. */
  public ExtendedFloat times(ExtendedFloat o) {
    boolean sign = negative ^ o.negative;
    if (isZero() || o.isZero()) {
      return zero(sign);
    }
    long p = m * o.m; // < 2^64, exact as unsigned
    return p < 0
        ? new ExtendedFloat(sign, p >>> BITS, e + o.e + BITS)
        : new ExtendedFloat(sign, p >>> (BITS - 1), e + o.e + BITS - 1);
  }

  /**
   * this + other: the smaller operand's significand is shifted right to the larger's exponent (bits
   * below are dropped), added or subtracted, and normalized. An exact zero is +0 unless both
   * operands are -0.
   */
  public ExtendedFloat plus(ExtendedFloat o) {
    if (isZero() && o.isZero()) {
      return zero(negative && o.negative);
    }
    if (isZero()) {
      return o;
    }
    if (o.isZero()) {
      return this;
    }
    boolean swap = o.e > e || (o.e == e && o.m > m);
    ExtendedFloat big = swap ? o : this;
    ExtendedFloat small = swap ? this : o;
    long d = (long) big.e - small.e;
    long aligned = d >= BITS ? 0 : small.m >>> d;
    long sum = big.negative == small.negative ? big.m + aligned : big.m - aligned;
    if (sum == 0) {
      return zero(false);
    }
    return ofMagnitude(big.negative, sum, big.e);
  }

  /**
   * Rounds once to FP32, to nearest even on the 8 bits below the 24 kept: overflow gives Inf,
   * results below the smallest normal (2^-126) flush to a zero of the same sign.
   */
  public int toFp32() {
    int sign = negative ? 0x80000000 : 0;
    if (isZero()) {
      return sign;
    }
    long kept = m >>> 8;
    long rest = m & 0xFF;
    if (rest > 0x80 || (rest == 0x80 && (kept & 1) == 1)) {
      kept++;
    }
    int biased = e + BITS - 1 + 127;
    if (kept == 1L << 24) {
      kept >>>= 1;
      biased++;
    }
    if (biased >= 255) {
      return sign | 0x7F800000;
    }
    if (biased <= 0) {
      return sign;
    }
    return sign | (biased << 23) | (int) (kept & 0x7FFFFF);
  }

  public double toDouble() {
    return (negative ? -1 : 1) * Math.scalb((double) m, e);
  }
}

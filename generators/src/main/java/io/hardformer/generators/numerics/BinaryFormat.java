package io.hardformer.generators.numerics;

/**
 * An IEEE-754 style binary format (hidden bit, subnormals, all-ones exponent for Inf/NaN): FP32,
 * BF16, FP16. Codes are held in a long, sign in the top bit.
 */
public record BinaryFormat(String name, int exponentBits, int mantissaBits) {
  public static final BinaryFormat FP32 = new BinaryFormat("fp32", 8, 23);
  public static final BinaryFormat BF16 = new BinaryFormat("bf16", 8, 7);
  public static final BinaryFormat FP16 = new BinaryFormat("fp16", 5, 10);

  public int bias() {
    return (1 << (exponentBits - 1)) - 1;
  }

  public int width() {
    return 1 + exponentBits + mantissaBits;
  }

  public int minNormalExponent() {
    return 1 - bias();
  }

  public long infinityCode() {
    return ((1L << exponentBits) - 1) << mantissaBits;
  }

  /**
   * The canonical quiet NaN: exponent all ones, top mantissa bit set, sign clear (0x7FC00000 for
   * FP32).
   */
  public long quietNaN() {
    return infinityCode() | (1L << (mantissaBits - 1));
  }

  public long signBit() {
    return 1L << (exponentBits + mantissaBits);
  }

  public boolean isNaN(long code) {
    long mag = code & (signBit() - 1);
    return mag > infinityCode();
  }

  /** The exact value as a double (exact for FP32, BF16 and FP16). */
  public double toDouble(long code) {
    boolean neg = (code & signBit()) != 0;
    long e = (code >>> mantissaBits) & ((1L << exponentBits) - 1);
    long m = code & ((1L << mantissaBits) - 1);
    double v;
    if (e == (1L << exponentBits) - 1) {
      v = m == 0 ? Double.POSITIVE_INFINITY : Double.NaN;
    } else if (e == 0) {
      v = Math.scalb((double) m, minNormalExponent() - mantissaBits);
    } else {
      v = Math.scalb((double) ((1L << mantissaBits) | m), (int) e - bias() - mantissaBits);
    }
    return neg ? -v : v;
  }

  /** {@code value} rounded to this format with round-to-nearest-even (the reference for tests). */
  public long fromDouble(double value) {
    if (Double.isNaN(value)) {
      return quietNaN();
    }
    long sign = (Double.doubleToRawLongBits(value) < 0) ? signBit() : 0;
    if (Double.isInfinite(value)) {
      return sign | infinityCode();
    }
    ExactValue x = ExactValue.of(Math.abs(value));
    return sign | ExactRounding.toBinary(x.magnitude(), x.scale(), this);
  }
}

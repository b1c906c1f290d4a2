package io.hardformer.generators.numerics;

import java.math.BigInteger;

/**
 * The OCP OFP8 v1.0 formats. E4M3: bias 7, no infinities, NaN = S.1111.111, max normal 448. E5M2:
 * bias 15, IEEE-like (±Inf = S.11111.00, NaN = S.11111.{01,10,11}), max normal 57344.
 */
public enum Fp8Format {
  E4M3(4, 3, 7, false, 0x7E, 0x7F),
  E5M2(5, 2, 15, true, 0x7B, 0x7E);

  private final int exponentBits;
  private final int mantissaBits;
  private final int bias;
  private final boolean infinities;
  private final int maxNormalCode;
  private final int canonicalNaN;

  Fp8Format(
      int exponentBits,
      int mantissaBits,
      int bias,
      boolean infinities,
      int maxNormalCode,
      int canonicalNaN) {
    this.exponentBits = exponentBits;
    this.mantissaBits = mantissaBits;
    this.bias = bias;
    this.infinities = infinities;
    this.maxNormalCode = maxNormalCode;
    this.canonicalNaN = canonicalNaN;
  }

  /** {@code e4m3} or {@code e5m2}, as on the command line. */
  public static Fp8Format parse(String name) {
    for (Fp8Format f : values()) {
      if (f.name().equalsIgnoreCase(name)) {
        return f;
      }
    }
    throw new IllegalArgumentException("unknown FP8 format '" + name + "'; valid: e4m3, e5m2");
  }

  public String cliName() {
    return name().toLowerCase();
  }

  public int exponentBits() {
    return exponentBits;
  }

  public int mantissaBits() {
    return mantissaBits;
  }

  public int bias() {
    return bias;
  }

  public boolean hasInfinities() {
    return infinities;
  }

  /** The largest finite magnitude's code (sign clear): 0x7E (448) or 0x7B (57344). */
  public int maxNormalCode() {
    return maxNormalCode;
  }

  /** The NaN this project's units produce (sign clear): 0x7F for E4M3, 0x7E for E5M2. */
  public int canonicalNaN() {
    return canonicalNaN;
  }

  /** Exponent of the smallest normal: 1 - bias. */
  public int minNormalExponent() {
    return 1 - bias;
  }

  /** Exponent of the smallest subnormal step: 1 - bias - mantissa bits (2^-9, 2^-16). */
  public int quantumExponent() {
    return 1 - bias - mantissaBits;
  }

  int exponentField(int code) {
    return (code >>> mantissaBits) & ((1 << exponentBits) - 1);
  }

  int mantissaField(int code) {
    return code & ((1 << mantissaBits) - 1);
  }

  public boolean isNaN(int code) {
    int e = exponentField(code);
    int m = mantissaField(code);
    if (infinities) {
      return e == (1 << exponentBits) - 1 && m != 0;
    }
    return e == (1 << exponentBits) - 1 && m == (1 << mantissaBits) - 1;
  }

  public boolean isInfinite(int code) {
    return infinities && exponentField(code) == (1 << exponentBits) - 1 && mantissaField(code) == 0;
  }

  public boolean isNegative(int code) {
    return (code & 0x80) != 0;
  }

  /** Integer significand of a finite code: value = ±significand × 2^exponent(code). */
  public int significand(int code) {
    int e = exponentField(code);
    int m = mantissaField(code);
    return e == 0 ? m : (1 << mantissaBits) | m;
  }

  /** Exponent of the significand's unit for a finite code (subnormals share the smallest). */
  public int exponent(int code) {
    int e = Math.max(exponentField(code), 1);
    return e - bias - mantissaBits;
  }

  /** The exact value as a double (every FP8 value is a double), NaN and ±Inf included. */
  public double toDouble(int code) {
    if (isNaN(code)) {
      return Double.NaN;
    }
    if (isInfinite(code)) {
      return isNegative(code) ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }
    double v = Math.scalb((double) significand(code), exponent(code));
    return isNegative(code) ? -v : v;
  }

  /** The exact magnitude of a finite code as an integer multiple of 2^quantumExponent(). */
  public BigInteger magnitudeInQuanta(int code) {
    return BigInteger.valueOf(significand(code)).shiftLeft(exponent(code) - quantumExponent());
  }
}

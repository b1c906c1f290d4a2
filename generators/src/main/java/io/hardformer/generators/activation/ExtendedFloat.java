package io.hardformer.generators.activation;

/**
 * A binary floating-point value with an FP32 significand and an unbounded exponent: the form in
 * which the activation units hand values between their stages (no underflow or overflow inside a
 * unit; only the final packing to FP32 has them). {@code significand} is 24 bits with the leading
 * one at bit 23 for finite nonzero values, value = significand x 2^(exponent - 23). The flags are
 * exclusive: NaN, else Inf, else zero, else finite.
 */
public record ExtendedFloat(
    boolean negative, int significand, int exponent, boolean zero, boolean inf, boolean nan) {
  /** The canonical quiet NaN of FP32, what every NaN result packs to. */
  public static final int FP32_NAN = 0x7FC00000;

  /**
   * An FP32 code exactly: subnormals are normalized (their exponent goes below -126), nothing is
   * lost.
   */
  public static ExtendedFloat decode(int bits) {
    boolean negative = bits < 0;
    int e = (bits >>> 23) & 0xFF;
    int f = bits & 0x7FFFFF;
    if (e == 0xFF) {
      return new ExtendedFloat(negative, 0x800000, 128, false, f == 0, f != 0);
    }
    int raw = (e == 0 ? 0 : 0x800000) | f;
    if (raw == 0) {
      return new ExtendedFloat(negative, 0, 0, true, false, false);
    }
    int lz = Integer.numberOfLeadingZeros(raw) - 8;
    return new ExtendedFloat(negative, raw << lz, Math.max(e, 1) - 127 - lz, false, false, false);
  }

  /**
   * To FP32 bits: NaN is 0x7FC00000; exponents above 127 become Inf of the sign; exponents below
   * -126 flush to zero of the sign (no subnormal results).
   */
  public int pack() {
    int sign = negative ? 0x80000000 : 0;
    if (nan) {
      return FP32_NAN;
    }
    if (inf || (!zero && exponent > 127)) {
      return sign | 0x7F800000;
    }
    if (zero || exponent < -126) {
      return sign;
    }
    return sign | ((exponent + 127) << 23) | (significand & 0x7FFFFF);
  }

  /**
   * The IEEE product rounded once, RNE, to 24 bits, exponent unbounded: NaN for a NaN operand or
   * Inf x 0, Inf for Inf x nonzero, zero for zero x finite, signs XORed.
   */
  public ExtendedFloat times(ExtendedFloat o) {
    boolean neg = negative ^ o.negative;
    if (nan || o.nan || (inf && o.zero) || (zero && o.inf)) {
      return new ExtendedFloat(false, 0, 0, false, false, true);
    }
    if (inf || o.inf) {
      return new ExtendedFloat(neg, 0, 0, false, true, false);
    }
    if (zero || o.zero) {
      return new ExtendedFloat(neg, 0, 0, true, false, false);
    }
    long p = (long) significand * o.significand; // [2^46, 2^48)
    int top = (int) (p >>> 47);
    int shift = 23 + top;
    return rounded(neg, p, shift, exponent + o.exponent + top);
  }

  /**
   * RNE of p &gt;&gt; shift to 24 bits (p's leading one at bit shift + 23), a carry out moving into
   * the exponent.
   */
  static ExtendedFloat rounded(boolean negative, long p, int shift, int exponent) {
    long kept = p >>> shift;
    boolean guard = ((p >>> (shift - 1)) & 1) != 0;
    boolean sticky = (p & ((1L << (shift - 1)) - 1)) != 0;
    long r = kept + (guard && (sticky || (kept & 1) != 0) ? 1 : 0);
    if (r == 1L << 24) {
      return new ExtendedFloat(negative, 0x800000, exponent + 1, false, false, false);
    }
    return new ExtendedFloat(negative, (int) r, exponent, false, false, false);
  }
}

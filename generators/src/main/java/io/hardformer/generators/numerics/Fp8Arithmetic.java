package io.hardformer.generators.numerics;

import java.math.BigInteger;

/**
 * Bit-exact golden models of the FP8 units: exact products (as FP32), exactly accumulated dot
 * products rounded once (FP32 or BF16), and FP32 to FP8 quantization. Pure integer arithmetic; the
 * rules are those of the project's FP8 issue (OCP OFP8 v1.0 plus our NaN and zero conventions).
 */
public final class Fp8Arithmetic {
  private Fp8Arithmetic() {}

  /**
   * The exact product of two FP8 codes as FP32 bits. A zero product has sign XOR; NaN inputs and
   * Inf × 0 give the canonical quiet NaN 0x7FC00000; Inf × nonzero finite gives signed Inf.
   */
  public static int multiply(Fp8Format f, int a, int b) {
    boolean neg = f.isNegative(a) ^ f.isNegative(b);
    int sign = neg ? 0x80000000 : 0;
    if (f.isNaN(a) || f.isNaN(b)) {
      return (int) BinaryFormat.FP32.quietNaN();
    }
    boolean infA = f.isInfinite(a);
    boolean infB = f.isInfinite(b);
    if (infA || infB) {
      boolean zero = (!infA && f.significand(a) == 0) || (!infB && f.significand(b) == 0);
      return zero
          ? (int) BinaryFormat.FP32.quietNaN()
          : sign | (int) BinaryFormat.FP32.infinityCode();
    }
    long sig = (long) f.significand(a) * f.significand(b);
    int scale = f.exponent(a) + f.exponent(b);
    return sign | (int) ExactRounding.toBinary(BigInteger.valueOf(sig), scale, BinaryFormat.FP32);
  }

  /**
   * The exact sum of the lane products, rounded once to {@code out} (FP32 or BF16) with RNE. An
   * exactly zero sum is +0. NaN if any input is NaN, any Inf × 0 occurs, or both +Inf and -Inf
   * products occur; otherwise ±Inf if infinite products of one sign occur.
   */
  public static long dot(Fp8Format f, int[] a, int[] b, BinaryFormat out) {
    ExactDot d = ExactDot.of(f, a, b);
    boolean nan = d.nan();
    boolean posInf = d.posInf();
    boolean negInf = d.negInf();
    BigInteger sum = d.sum();
    int unit = 2 * f.quantumExponent();
    if (nan || (posInf && negInf)) {
      return out.quietNaN();
    }
    if (posInf || negInf) {
      return (negInf ? out.signBit() : 0) | out.infinityCode();
    }
    long sign = sum.signum() < 0 ? out.signBit() : 0;
    return sign | ExactRounding.toBinary(sum.abs(), unit, out);
  }

  /**
   * FP32 bits to FP8 with RNE. Saturating: finite overflow and ±Inf become ±max normal. Otherwise
   * overflow becomes NaN (E4M3) or ±Inf (E5M2). NaN becomes the format's canonical NaN; the sign of
   * zero is kept; FP32 subnormals are converted exactly.
   */
  public static int quantize(Fp8Format f, int fp32, boolean saturate) {
    int sign = fp32 < 0 ? 0x80 : 0;
    int e = (fp32 >>> 23) & 0xFF;
    int m = fp32 & 0x7FFFFF;
    if (e == 0xFF && m != 0) {
      return f.canonicalNaN();
    }
    int overflow =
        saturate ? sign | f.maxNormalCode() : f.hasInfinities() ? sign | 0x7C : f.canonicalNaN();
    if (e == 0xFF) {
      return overflow;
    }
    BigInteger mag = BigInteger.valueOf(e == 0 ? m : m | 0x800000);
    int scale = (e == 0 ? 1 : e) - 127 - 23;
    long code = ExactRounding.roundToCode(mag, scale, f.mantissaBits(), f.minNormalExponent());
    if (code > f.maxNormalCode()) {
      return overflow;
    }
    return sign | (int) code;
  }

  /** Width of the exact fixed-point product window, without sign: 36 (E4M3) or 64 (E5M2) bits. */
  public static int productWindowBits(Fp8Format f) {
    int maxExpField = (1 << f.exponentBits()) - (f.hasInfinities() ? 2 : 1);
    int maxShift = 2 * (maxExpField - 1);
    return 2 * (f.mantissaBits() + 1) + maxShift;
  }

  /**
   * Width of the exact signed accumulator for {@code lanes} products: window + ceil(log2 lanes) +
   * sign.
   */
  public static int accumulatorBits(Fp8Format f, int lanes) {
    return productWindowBits(f) + IntLog2.ceil(lanes) + 1;
  }
}

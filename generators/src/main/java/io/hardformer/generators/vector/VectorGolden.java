package io.hardformer.generators.vector;

import io.hardformer.generators.numerics.BinaryFormat;
import io.hardformer.generators.numerics.ExactRounding;
import io.hardformer.generators.numerics.Fp8Arithmetic;
import java.math.BigInteger;

/**
 * Bit-exact golden model of the {@code vector} unit, in exact integer arithmetic: {@code y =
 * RNE_fp32(a × 2^s + b)} with one rounding of the exact value (IEEE-754 binary32 semantics with a
 * scaled operand of unbounded exponent: overflow to ±Inf, gradual underflow), and {@code q =
 * saturating RNE_fp8(y × 2^-qexp)}.
 *
 * <p>Specials: any NaN operand, or Inf + (-Inf), gives the canonical quiet NaN 0x7FC00000; an Inf
 * operand otherwise gives that Inf (a × 2^s keeps a's Inf); an exact zero sum is +0 unless both
 * terms are -0 (a zero a × 2^s keeps a's sign). FP32 subnormals are exact inputs and results.
 */
public final class VectorGolden {
  /** The NaN the unit produces on {@code y}. */
  public static final int CANONICAL_NAN = 0x7FC00000;

  private VectorGolden() {}

  /**
   * {@code RNE_fp32(a × 2^scaleExp + b)}; {@code a}, {@code b} FP32 bits, {@code scaleExp} the
   * per-lane exponent (-128..127, the port's 8-bit two's complement).
   */
  public static int y(int a, int scaleExp, int b) {
    if (scaleExp < -128 || scaleExp > 127) {
      throw new IllegalArgumentException("scaleExp must be -128..127, got " + scaleExp);
    }
    boolean aNan = isNan(a);
    boolean bNan = isNan(b);
    boolean aInf = isInf(a);
    boolean bInf = isInf(b);
    if (aNan || bNan || (aInf && bInf && (a ^ b) < 0)) {
      return CANONICAL_NAN;
    }
    if (aInf) {
      return a;
    }
    if (bInf) {
      return b;
    }
    // value = significand × 2^(effective exponent field - 150); a also × 2^scaleExp
    int scaleA = effectiveExponent(a) - 150 + scaleExp;
    int scaleB = effectiveExponent(b) - 150;
    int low = Math.min(scaleA, scaleB);
    BigInteger termA = signed(a).shiftLeft(scaleA - low);
    BigInteger termB = signed(b).shiftLeft(scaleB - low);
    BigInteger sum = termA.add(termB);
    if (sum.signum() == 0) {
      return a < 0 && b < 0 && significand(a) == 0 && significand(b) == 0 ? 0x80000000 : 0;
    }
    int sign = sum.signum() < 0 ? 0x80000000 : 0;
    return sign | (int) ExactRounding.toBinary(sum.abs(), low, BinaryFormat.FP32);
  }

  /**
   * The FP8 code of {@code y × 2^-qexp} with saturating RNE in the shape's format ({@code qexp}
   * -128..127): NaN gives the format's canonical NaN, ±Inf and overflow give ±max normal, the sign
   * of zero is kept.
   */
  public static int q(VectorShape s, int y, int qexp) {
    if (qexp < -128 || qexp > 127) {
      throw new IllegalArgumentException("qexp must be -128..127, got " + qexp);
    }
    if (isNan(y) || isInf(y) || significand(y) == 0) {
      return Fp8Arithmetic.quantize(s.format(), y, true);
    }
    // y × 2^-qexp as an exact value, rounded once to FP8 (through an FP32 code when it is one)
    int scale = effectiveExponent(y) - 150 - qexp;
    BigInteger mag = BigInteger.valueOf(significand(y));
    int e = mag.bitLength() - 1 + scale; // |z| in [2^e, 2^(e+1))
    int sign = y & 0x80000000;
    if (e >= 128) {
      return Fp8Arithmetic.quantize(s.format(), sign | 0x7F800000, true);
    }
    if (e < -126) {
      // below every FP8 subnormal's half: the FP8 result is a zero of y's sign
      return Fp8Arithmetic.quantize(s.format(), sign, true);
    }
    int fp32 = sign | (int) ExactRounding.toBinary(mag, scale, BinaryFormat.FP32); // exact
    return Fp8Arithmetic.quantize(s.format(), fp32, true);
  }

  static boolean isNan(int x) {
    return (x & 0x7FFFFFFF) > 0x7F800000;
  }

  static boolean isInf(int x) {
    return (x & 0x7FFFFFFF) == 0x7F800000;
  }

  /** Exponent field, 1 for subnormals and zeros. */
  private static int effectiveExponent(int x) {
    return Math.max((x >>> 23) & 0xFF, 1);
  }

  /** The integer significand (with the hidden bit of a normal). */
  private static int significand(int x) {
    int e = (x >>> 23) & 0xFF;
    int f = x & 0x7FFFFF;
    return e == 0 ? f : f | 0x800000;
  }

  private static BigInteger signed(int x) {
    BigInteger m = BigInteger.valueOf(significand(x));
    return x < 0 ? m.negate() : m;
  }
}

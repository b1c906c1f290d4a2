package io.hardformer.generators.rope;

import io.hardformer.generators.numerics.BinaryFormat;
import io.hardformer.generators.numerics.ExactRounding;
import io.hardformer.generators.numerics.Fp8Arithmetic;
import java.math.BigInteger;

/**
 * Bit-exact golden model of the rotary embedding, in integers (HF Llama convention): for i < D/2,
 * {@code x'_i = x_i cos a_i - x_{i+D/2} sin a_i}, {@code x'_{i+D/2} = x_{i+D/2} cos a_i + x_i sin
 * a_i}, {@code a_i = pos × theta^(-2i/D)}.
 *
 * <ol>
 *   <li>Angle, in turns: {@code F_i = round(2^64 × theta^(-2i/D) / 2π)} (from StrictMath, so the
 *       table is the same on every JVM); the phase is bits 63..32 of {@code pos × F_i mod 2^64}
 *       (range reduction is the dropped integer part: exact whatever the position), 32 bits.
 *   <li>sin and cos of the phase, unit 2^-30: the top 2 bits pick the quadrant, the next 8 a table
 *       entry {@code round(2^30 sin/cos(2π k/1024))}, the low 22 a residual angle {@code d =
 *       floor(δ × round(2π × 2^29) / 2^31)} (unit 2^-30 rad, under 2π/1024), then {@code sin(t + d)
 *       ≈ S + C d - S d²/2}, {@code cos(t + d) ≈ C - S d - C d²/2}, each product floored to 2^-30.
 *   <li>Rotation: {@code x_i × c - x_j × s} exactly (FP32 × 32-bit integer), rounded once to FP32
 *       (RNE, gradual underflow). An exact zero is +0. A NaN or Inf in x_i or x_{i+D/2} makes both
 *       results of the pair the canonical NaN 0x7FC00000 (an infinite vector has no direction).
 * </ol>
 */
public final class RopeGolden {
  /** Fraction bits of sin and cos. */
  public static final int TRIG_BITS = 30;

  /** Bits of the phase (turns). */
  public static final int PHASE_BITS = 32;

  /** Table entries per quarter turn: 2^8. */
  public static final int TABLE_BITS = 8;

  /** round(2π × 2^29). */
  public static final long TWO_PI = Math.round(2 * Math.PI * (1L << 29));

  public static final int CANONICAL_NAN = 0x7FC00000;

  private static final long[] SIN = new long[1 << TABLE_BITS];
  private static final long[] COS = new long[1 << TABLE_BITS];

  static {
    for (int k = 0; k < SIN.length; k++) {
      double t = 2 * Math.PI * k / (4 << TABLE_BITS);
      SIN[k] = Math.round(StrictMath.sin(t) * (1L << TRIG_BITS));
      COS[k] = Math.round(StrictMath.cos(t) * (1L << TRIG_BITS));
    }
  }

  private RopeGolden() {}

  /** Table entry k (0..255): {@code {round(2^30 sin(2π k/1024)), round(2^30 cos(2π k/1024))}}. */
  public static long[] tableEntry(int k) {
    return new long[] {SIN[k], COS[k]};
  }

  /** {@code round(2^64 × theta^(-2i/D) / 2π)}: the angle step of pair i in 2^-64 turns. */
  public static long frequency(RopeShape s, int i) {
    double f = StrictMath.pow(s.theta(), -2.0 * i / s.headDim()) / (2 * Math.PI);
    return Math.round(Math.scalb(f, 64)); // f < 1/(2π): under 2^62
  }

  /** The 32-bit phase of pair i at {@code position}: bits 63..32 of pos × F_i mod 2^64. */
  public static long phase(RopeShape s, int i, int position) {
    return ((long) position * frequency(s, i)) >>> 32;
  }

  /** {@code {sin, cos}} of a 32-bit phase (turns), unit 2^-30. */
  public static long[] sinCos(long phase) {
    int quadrant = (int) (phase >>> 30) & 3;
    int k = (int) (phase >>> 22) & 0xFF;
    long delta = phase & 0x3FFFFF;
    long d = (delta * TWO_PI) >> 31; // unit 2^-30 rad
    long halfD2 = (d * d) >> 31; // d^2 / 2, unit 2^-30
    long sn = SIN[k];
    long cs = COS[k];
    long sinR = sn + ((cs * d) >> TRIG_BITS) - ((sn * halfD2) >> TRIG_BITS);
    long cosR = cs - ((sn * d) >> TRIG_BITS) - ((cs * halfD2) >> TRIG_BITS);
    return switch (quadrant) {
      case 0 -> new long[] {sinR, cosR};
      case 1 -> new long[] {cosR, -sinR};
      case 2 -> new long[] {-sinR, -cosR};
      default -> new long[] {-cosR, sinR};
    };
  }

  /** The rotated row: {@code x} holds D FP32 codes, {@code position} is 0..P. */
  public static int[] row(RopeShape s, int[] x, int position) {
    if (x.length != s.headDim()) {
      throw new IllegalArgumentException("a row has " + s.headDim() + " elements, got " + x.length);
    }
    if (position < 0 || position > s.maxPosition()) {
      throw new IllegalArgumentException(
          "position must be 0.." + s.maxPosition() + ", got " + position);
    }
    int half = s.pairs();
    int[] y = new int[x.length];
    for (int i = 0; i < half; i++) {
      long[] sc = sinCos(phase(s, i, position));
      int lo = x[i];
      int hi = x[i + half];
      if (nonFinite(lo) || nonFinite(hi)) {
        y[i] = CANONICAL_NAN;
        y[i + half] = CANONICAL_NAN;
        continue;
      }
      y[i] = dot(lo, sc[1], hi, -sc[0]);
      y[i + half] = dot(hi, sc[1], lo, sc[0]);
    }
    return y;
  }

  /** The FP8 code of an output (saturating RNE to the shape's format). */
  public static int q(RopeShape s, int y) {
    return Fp8Arithmetic.quantize(s.format(), y, true);
  }

  /** RNE_fp32(u × p + v × r) for finite FP32 u, v and integer p, r (unit 2^-30), exactly. */
  static int dot(int u, long p, int v, long r) {
    int eu = exponent(u);
    int ev = exponent(v);
    int low = Math.min(eu, ev);
    BigInteger a = signed(u).multiply(BigInteger.valueOf(p)).shiftLeft(eu - low);
    BigInteger b = signed(v).multiply(BigInteger.valueOf(r)).shiftLeft(ev - low);
    BigInteger sum = a.add(b);
    if (sum.signum() == 0) {
      return 0;
    }
    int sign = sum.signum() < 0 ? 0x80000000 : 0;
    return sign | (int) ExactRounding.toBinary(sum.abs(), low - 150 - TRIG_BITS, BinaryFormat.FP32);
  }

  private static boolean nonFinite(int x) {
    return ((x >>> 23) & 0xFF) == 0xFF;
  }

  private static int exponent(int x) {
    return Math.max((x >>> 23) & 0xFF, 1);
  }

  private static BigInteger signed(int x) {
    int e = (x >>> 23) & 0xFF;
    long m = e == 0 ? x & 0x7FFFFF : (x & 0x7FFFFF) | 0x800000;
    return BigInteger.valueOf(x < 0 ? -m : m);
  }
}

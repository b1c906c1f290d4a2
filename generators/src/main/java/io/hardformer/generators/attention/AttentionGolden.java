package io.hardformer.generators.attention;

import io.hardformer.generators.numerics.ExactDot;
import io.hardformer.generators.numerics.ExactRounding;
import io.hardformer.generators.numerics.Fp8Format;
import java.math.BigInteger;

/**
 * The bit-exact golden model of the attention unit: the same integer recurrences the hardware runs
 * (formats in {@link AttentionShape}). {@code o[h][d]} as BF16 or FP32 codes. A head whose q . k
 * saw a NaN or infinite product, or whose step saw a non-finite V element, outputs the canonical
 * NaN in every element.
 */
public final class AttentionGolden {
  private AttentionGolden() {}

  /** One decode step: q[G][D], k[S][D], v[S][D] FP8 codes. */
  public static long[][] step(AttentionShape shape, int[][] q, int[][] k, int[][] v) {
    int g = shape.qHeads();
    int dim = shape.headDim();
    long[][] out = new long[g][dim];
    boolean vBad = false;
    for (int[] row : v) {
      for (int c : row) {
        vBad |= shape.format().isNaN(c) || shape.format().isInfinite(c);
      }
    }
    for (int h = 0; h < g; h++) {
      out[h] = head(shape, q[h], k, v, vBad);
    }
    return out;
  }

  static long[] head(AttentionShape shape, int[] q, int[][] k, int[][] v, boolean vBad) {
    Fp8Format f = shape.format();
    int dim = shape.headDim();
    boolean bad = vBad;
    BigInteger m = BigInteger.ZERO;
    BigInteger l = BigInteger.ZERO;
    BigInteger[] acc = new BigInteger[dim];
    BigInteger c = BigInteger.valueOf(shape.scaleConstant());
    for (int s = 0; s < k.length; s++) {
      ExactDot dot = ExactDot.of(f, q, k[s]);
      bad |= dot.special();
      BigInteger x =
          dot.special() ? BigInteger.ZERO : dot.sum().multiply(c).shiftRight(shape.scaleShift());
      BigInteger ceil =
          x.add(BigInteger.valueOf((1 << AttentionShape.X_FRACTION) - 1))
              .shiftRight(AttentionShape.X_FRACTION);
      BigInteger mNew = s == 0 || ceil.compareTo(m) > 0 ? ceil : m;
      int n =
          s == 0
              ? 0
              : mNew.subtract(m)
                  .min(BigInteger.valueOf(AttentionShape.SHIFT_LIMIT))
                  .intValueExact();
      long t =
          mNew.shiftLeft(AttentionShape.X_FRACTION)
              .subtract(x)
              .min(BigInteger.valueOf(Long.MAX_VALUE >> 1))
              .longValueExact();
      long p = exp2(t);
      BigInteger bp = BigInteger.valueOf(p);
      l = s == 0 ? bp : l.shiftRight(n).add(bp);
      for (int d = 0; d < dim; d++) {
        BigInteger term = term(f, p, v[s][d]);
        acc[d] = s == 0 ? term : acc[d].shiftRight(n).add(term);
      }
      m = mNew;
    }
    long[] o = new long[dim];
    long nan = shape.outFormat().format().quietNaN();
    if (bad) {
      java.util.Arrays.fill(o, nan);
      return o;
    }
    int lz = shape.sumBits() - l.bitLength();
    BigInteger lNorm = l.shiftLeft(lz);
    BigInteger recip =
        BigInteger.ONE
            .shiftLeft(shape.sumBits() - 1 + AttentionShape.RECIPROCAL_BITS - 1)
            .divide(lNorm);
    for (int d = 0; d < dim; d++) {
      BigInteger prod = acc[d].multiply(recip);
      long sign = prod.signum() < 0 ? shape.outFormat().format().signBit() : 0;
      o[d] =
          prod.signum() == 0
              ? 0
              : sign
                  | ExactRounding.toBinary(
                      prod.abs(), shape.outputUnit() + lz, shape.outFormat().format());
    }
    return o;
  }

  /**
   * 2^(-t / 2^X_FRACTION) in units of 2^-P_FRACTION: T[i] = 2^(-i/64) for the top 6 fraction bits,
   * times 1 - a + a^2/2 with a = r ln 2 (r the low fraction bits, a < 2^-6 ln 2), in units of
   * 2^-EXP2_BITS, then widened to P_FRACTION fraction bits and shifted by the integer part.
   */
  public static long exp2(long t) {
    int xf = AttentionShape.X_FRACTION;
    long ti = t >> xf;
    int idx = (int) ((t >> (xf - 6)) & 63);
    long r = t & ((1L << (xf - 6)) - 1);
    long a = (r * AttentionShape.LN2) >> (xf - 8); // a x 2^24
    long y = AttentionShape.table(idx);
    long y1 = (y * a) >> 24;
    long y2 = (y1 * a) >> 25;
    long p = y - y1 + y2;
    return ti >= 63 ? 0 : (p << (AttentionShape.P_FRACTION - AttentionShape.EXP2_BITS)) >> ti;
  }

  /**
   * p x v exactly, in units of 2^(quantum - P_FRACTION); 0 for non-finite v (the head is NaN
   * anyway).
   */
  static BigInteger term(Fp8Format f, long p, int code) {
    if (f.isNaN(code) || f.isInfinite(code)) {
      return BigInteger.ZERO;
    }
    long sig = f.significand(code);
    int shift = f.exponent(code) - f.quantumExponent();
    BigInteger t = BigInteger.valueOf(p * sig).shiftLeft(shift);
    return f.isNegative(code) ? t.negate() : t;
  }
}

package io.hardformer.generators.activation;

/**
 * The bit-exact model of {@link GatedProductCore}: s = x g(x) for an FP32 code x, as an {@link
 * ExtendedFloat} (rounded once, RNE, to 24 bits; no underflow or overflow). Integer steps, in the
 * formats of {@link GatingFunction}:
 *
 * <ol>
 *   <li>u = floor(|x| 2^24) (subnormal x give u = 0); |x| &gt;= 2^rangeLog2 (and Inf) is beyond the
 *       table;
 *   <li>h = a0 + floor(t (a1 + floor(t (a2 + floor(t a3 / 2^T)) / 2^T)) / 2^T) for the segment of u
 *       (T = position bits), clamped to [0, 2^28];
 *   <li>g = h for x &gt;= 0, 2^28 - h for x &lt; 0; beyond the table g = 2^28 (x &gt; 0) or 0 (x
 *       &lt; 0);
 *   <li>s = RNE(significand(x) x g), normalized (x exact, subnormals included).
 * </ol>
 *
 * Specials: NaN gives NaN, +Inf gives +Inf, -Inf gives -0 (the limit of x g(x)), +-0 gives +-0, and
 * g = 0 gives a zero of x's sign.
 */
public final class GatedProductGolden {
  private GatedProductGolden() {}

  /** x g(x) for the FP32 code x. */
  public static ExtendedFloat apply(GatingFunction f, int x) {
    ExtendedFloat d = ExtendedFloat.decode(x);
    if (d.nan()) {
      return new ExtendedFloat(false, 0, 0, false, false, true);
    }
    if (d.inf() && !d.negative()) {
      return d;
    }
    long g = gate(f, x);
    if (d.inf() || d.zero() || g == 0) {
      return new ExtendedFloat(d.negative(), 0, 0, true, false, false);
    }
    long p = (long) d.significand() * g; // under 2^52: g <= 2^28
    int lz = Long.numberOfLeadingZeros(p) - 11; // leading zeros in 53 bits
    return ExtendedFloat.rounded(d.negative(), p << lz, 29, d.exponent() + 1 - lz);
  }

  /** g(x) in units of 2^-28 as the hardware forms it (for NaN: as for an infinity). */
  public static long gate(GatingFunction f, int x) {
    int e = (x >>> 23) & 0xFF;
    boolean negative = x < 0;
    long one = 1L << GatingFunction.COEFFICIENT_FRACTION;
    if (e >= 127 + f.rangeLog2()) {
      return negative ? 0 : one;
    }
    long raw = (e == 0 ? 0 : 0x800000) | (x & 0x7FFFFF);
    int d = 126 + f.rangeLog2() - Math.max(e, 1);
    long u = d >= 32 ? 0 : (raw << f.rangeLog2()) >>> d;
    long h = Math.min(Math.max(polynomial(f, u), 0), one);
    return negative ? one - h : h;
  }

  /** The segment's cubic at u, by Horner with each product truncated (u &lt; 2^uBits). */
  public static long polynomial(GatingFunction f, long u) {
    int tb = f.positionBits();
    int segment = (int) (u >>> tb);
    long t = u & ((1L << tb) - 1);
    long acc = f.coefficient(segment, GatingFunction.DEGREE);
    for (int j = GatingFunction.DEGREE - 1; j >= 0; j--) {
      acc = f.coefficient(segment, j) + ((acc * t) >> tb);
    }
    return acc;
  }
}

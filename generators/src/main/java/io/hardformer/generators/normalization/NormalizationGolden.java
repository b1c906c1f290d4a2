package io.hardformer.generators.normalization;

import java.math.BigInteger;

/**
 * The bit-exact model of the normalization core ({@link NormalizationUnit}), pure integer steps in
 * the hardware's order.
 *
 * <p>Statistics pass, per beat of L lanes: decode each x (sign, 24-bit significand sig, exponent
 * field e, 1 for subnormals); beat max exponent; running row max R (first beat: the beat's); n =
 * R_new - R_old; each lane X = +-trunc(sig x 2^G / 2^(R_new - e)), Q = trunc(sig^2 / 2^(2(R_new -
 * e))); A = (A >> n) + sum X, B = (B >> 2n) + sum Q (first beat: the sums). Then V = N x B x 2^2G -
 * A^2 (layernorm, negative clamps to 0) or N x B x 2^2G (rmsnorm), so var (or mean x^2) = V x
 * 2^(2(R - 150 - G)) / N^2; t = var + eps; r = 1/sqrt(t) ({@link InverseSquareRoot}); the output
 * scale k = r x (1/N for layernorm) x 2^(R - 150 - G).
 *
 * <p>Output pass, per element: X against the final R as above; D = N X - A (layernorm) or X; y =
 * round_fp32((D x k) x gamma (+ beta)) with {@link ExtendedFloat} steps. A NaN or Inf x in the
 * statistics pass makes the whole row NaN; a NaN or Inf x, gamma or beta in the output pass makes
 * that element NaN.
 */
public final class NormalizationGolden {
  public static final int CANONICAL_NAN = 0x7FC00000;

  private NormalizationGolden() {}

  /** What the statistics pass leaves for the output pass. */
  public record Statistics(int rowExponent, long a, ExtendedFloat scale, boolean bad) {}

  static int exponentField(int bits) {
    return Math.max((bits >>> 23) & 0xFF, 1);
  }

  static long significand(int bits) {
    int field = (bits >>> 23) & 0xFF;
    return (bits & 0x7FFFFF) | (field == 0 ? 0 : 0x800000);
  }

  static boolean special(int bits) {
    return ((bits >>> 23) & 0xFF) == 0xFF;
  }

  /** X = +-trunc(sig x 2^G / 2^(r - e)). */
  static long aligned(int bits, int r) {
    int d = r - exponentField(bits);
    long mag = d >= 32 ? 0 : (significand(bits) << NormalizationShape.GUARD_BITS) >>> d;
    return bits < 0 ? -mag : mag;
  }

  public static Statistics statistics(NormalizationShape s, int[] x) {
    int lanes = s.lanes();
    int r = 0;
    long a = 0;
    long b = 0;
    boolean bad = false;
    for (int beat = 0; beat < s.beatsPerRow(); beat++) {
      int eb = 0;
      for (int l = 0; l < lanes; l++) {
        eb = Math.max(eb, exponentField(x[beat * lanes + l]));
      }
      int rNew = beat == 0 ? eb : Math.max(r, eb);
      int n = beat == 0 ? 0 : rNew - r;
      long sumX = 0;
      long sumQ = 0;
      for (int l = 0; l < lanes; l++) {
        int bits = x[beat * lanes + l];
        bad |= special(bits);
        sumX += aligned(bits, rNew);
        int d2 = 2 * (rNew - exponentField(bits));
        long sig = significand(bits);
        sumQ += d2 >= 48 ? 0 : (sig * sig) >>> d2;
      }
      a = beat == 0 ? sumX : (a >> Math.min(n, 63)) + sumX;
      b = beat == 0 ? sumQ : (2 * n >= 64 ? 0 : b >>> (2 * n)) + sumQ;
      r = rNew;
    }
    BigInteger v = s.scaledSquares(BigInteger.valueOf(b));
    if (s.centered()) {
      v = v.subtract(BigInteger.valueOf(a).multiply(BigInteger.valueOf(a))).max(BigInteger.ZERO);
    }
    int unit = r - 150 - NormalizationShape.GUARD_BITS;
    ExtendedFloat var = ExtendedFloat.ofInteger(v, 2 * unit).times(s.inverseDimSquared());
    ExtendedFloat t = var.plus(ExtendedFloat.ofFp32(s.epsBits()));
    ExtendedFloat k = InverseSquareRoot.of(t).times(s.outputFactor());
    k = new ExtendedFloat(false, k.m(), k.e() + unit);
    return new Statistics(r, a, k, bad);
  }

  /** One output element (FP32 bits); {@code beta} is ignored when not centered. */
  public static int element(NormalizationShape s, Statistics st, int x, int gamma, int beta) {
    if (st.bad() || special(x) || special(gamma) || (s.centered() && special(beta))) {
      return CANONICAL_NAN;
    }
    long xa = aligned(x, st.rowExponent());
    BigInteger d =
        s.centered() ? BigInteger.valueOf(xa * s.dim() - st.a()) : BigInteger.valueOf(xa);
    ExtendedFloat y =
        ExtendedFloat.ofInteger(d, 0).times(st.scale()).times(ExtendedFloat.ofFp32(gamma));
    if (s.centered()) {
      y = y.plus(ExtendedFloat.ofFp32(beta));
    }
    return y.toFp32();
  }

  /** A whole row: x, gamma (and beta when centered) FP32 bits, N each. */
  public static int[] row(NormalizationShape s, int[] x, int[] gamma, int[] beta) {
    check(s, x, "x");
    check(s, gamma, "gamma");
    if (s.centered()) {
      check(s, beta, "beta");
    }
    Statistics st = statistics(s, x);
    int[] y = new int[s.dim()];
    for (int i = 0; i < y.length; i++) {
      y[i] = element(s, st, x[i], gamma[i], s.centered() ? beta[i] : 0);
    }
    return y;
  }

  private static void check(NormalizationShape s, int[] v, String name) {
    if (v == null || v.length != s.dim()) {
      throw new IllegalArgumentException(
          name
              + " must have dim = "
              + s.dim()
              + " elements, got "
              + (v == null ? "null" : v.length));
    }
  }
}

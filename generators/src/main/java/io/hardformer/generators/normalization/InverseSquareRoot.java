package io.hardformer.generators.normalization;

/**
 * 1 / sqrt(t) of a positive {@link ExtendedFloat}: t = f x 2^E with the exponent made even (f' in
 * [1, 4), 30 fraction bits), a 48-entry table of 1 / sqrt(f') at the midpoints of the intervals of
 * f' x 16 (relative error under 2^-6), then {@link #NEWTON_STEPS} Newton steps y = y (3 - f' y^2) /
 * 2 in 31-fraction-bit fixed point (each squares the relative error and multiplies it by 1.5:
 * 2^-11.4, 2^-22.2, then the truncations of the fixed point, under 2^-28). The hardware ({@link
 * InverseSquareRootUnit}) does these integer steps in this order.
 */
public final class InverseSquareRoot {
  public static final int NEWTON_STEPS = 3;

  /** Table index bits: f' x 2^30 >> INDEX_SHIFT is in [16, 64). */
  public static final int INDEX_SHIFT = 26;

  private InverseSquareRoot() {}

  /** round(2^31 / sqrt((i + 0.5) / 16)) for i in [16, 64), entries below 16 unused (0). */
  public static long table(int i) {
    return i < 16 ? 0 : Math.round(Math.scalb(1.0, 31) / Math.sqrt((i + 0.5) / 16));
  }

  /** One Newton step on y (value y / 2^31) for f' (value f / 2^30). */
  public static long newton(long f, long y) {
    long y2 = (y * y) >>> 31;
    long h = (f * y2) >>> 30;
    long c = 3L * (1L << 31) - h;
    return (y * c) >>> 32;
  }

  /** 1 / sqrt(t) for t > 0. */
  public static ExtendedFloat of(ExtendedFloat t) {
    int exponent = t.e() + ExtendedFloat.BITS - 1; // t = (m / 2^31) x 2^exponent
    boolean odd = (exponent & 1) != 0;
    long f = odd ? t.m() : t.m() >>> 1; // f' x 2^30, f' in [1, 4)
    int even = odd ? exponent - 1 : exponent;
    long y = table((int) (f >>> INDEX_SHIFT));
    for (int i = 0; i < NEWTON_STEPS; i++) {
      y = newton(f, y);
    }
    return ExtendedFloat.ofMagnitude(false, y, -(ExtendedFloat.BITS - 1) - (even >> 1));
  }
}

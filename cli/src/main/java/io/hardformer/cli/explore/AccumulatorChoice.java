package io.hardformer.cli.explore;

import io.hardformer.generators.array.AccumulationMode;
import io.hardformer.generators.array.FmaArrayShape;
import io.hardformer.generators.fp8.FloatPacker;
import io.hardformer.generators.numerics.Fp8Format;

/**
 * One value of {@code explore fma-array --acc}: an accumulation mode with its fraction bits B and
 * promotion interval N, written {@code fp32}, {@code exact}, {@code fixed:B} or {@code fixed:B:N}
 * (N = 0: never promoted). {@code fixed} alone is {@code fixed:13}.
 */
public record AccumulatorChoice(AccumulationMode mode, int accBits, int promoteEvery) {
  /** B of {@code fixed} without bits (a Hopper-class FP22 accumulator). */
  public static final int DEFAULT_FIXED_BITS = 13;

  /**
   * Parses one choice.
   *
   * @throws IllegalArgumentException saying what is wrong and what is valid
   */
  public static AccumulatorChoice parse(String text) {
    String[] f = text.strip().split(":", -1);
    AccumulationMode mode;
    try {
      mode = AccumulationMode.parse(f[0]);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "unknown accumulator '" + text + "'; valid: fp32, exact, fixed, fixed:B, fixed:B:N");
    }
    if (f.length > 3) {
      throw new IllegalArgumentException(
          "'" + text + "' has too many ':' parts; write fixed:B or fixed:B:N");
    }
    boolean fixed = mode == AccumulationMode.FIXED;
    if (f.length > 1 && !fixed) {
      throw new IllegalArgumentException(
          "'" + text + "': only fixed takes bits; write " + mode.cliName() + " alone");
    }
    int bits = f.length > 1 ? number(text, f[1], "B") : fixed ? DEFAULT_FIXED_BITS : 0;
    int every = f.length > 2 ? number(text, f[2], "N") : 0;
    AccumulatorChoice c = new AccumulatorChoice(mode, bits, every);
    c.shape(1, 1, Fp8Format.E4M3, 1, 1); // the ranges of B and N, checked once by FmaArrayShape
    return c;
  }

  private static int number(String text, String part, String what) {
    try {
      return Integer.parseInt(part);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "'" + text + "': " + what + " must be a whole number, got '" + part + "'");
    }
  }

  /**
   * The array of this accumulator.
   *
   * @throws IllegalArgumentException from {@link FmaArrayShape} when B, N or the lanes do not fit
   */
  public FmaArrayShape shape(int rows, int cols, Fp8Format format, int lanes, int maxK) {
    return new FmaArrayShape(
        rows, cols, format, mode, FloatPacker.FP32, maxK, lanes, accBits, promoteEvery);
  }

  /** As typed: {@code fp32}, {@code exact}, {@code fixed:13}, {@code fixed:13:128}. */
  @Override
  public String toString() {
    if (mode != AccumulationMode.FIXED) {
      return mode.cliName();
    }
    return mode.cliName() + ":" + accBits + (promoteEvery > 0 ? ":" + promoteEvery : "");
  }
}

package io.hardformer.generators.normalization;

import java.util.Random;

/**
 * Rows with the statistics of real models, for tests and the self-check (FP32 bits): MiniLM-like x
 * (mostly N(0, 1), a few outliers of 10..50), gamma ~ 1 +- 0.5, beta ~ N(0, 0.1); Llama-like x
 * (N(0, 1) scaled by a per-row RMS in [2^-7, 2^3]).
 */
public final class NormalizationStimulus {
  private NormalizationStimulus() {}

  static int bits(double v) {
    return Float.floatToRawIntBits((float) v);
  }

  /** MiniLM-like activations: N(0, 1) with one element in 64 an outlier of +-(10..50). */
  public static int[] miniLmRow(Random r, int n) {
    int[] x = new int[n];
    double offset = r.nextGaussian() * 0.5;
    for (int i = 0; i < n; i++) {
      x[i] =
          bits(
              r.nextInt(64) == 0
                  ? (r.nextBoolean() ? 1 : -1) * (10 + 40 * r.nextDouble())
                  : offset + r.nextGaussian());
    }
    return x;
  }

  /** Llama-like residual-stream activations: N(0, s^2) with s in [2^-7, 2^3], a few outliers. */
  public static int[] llamaRow(Random r, int n) {
    int[] x = new int[n];
    double scale = Math.scalb(1.0, -7 + r.nextInt(11));
    for (int i = 0; i < n; i++) {
      x[i] = bits(scale * (r.nextInt(128) == 0 ? 20 * r.nextGaussian() : r.nextGaussian()));
    }
    return x;
  }

  /** gamma ~ 1 +- 0.5 (uniform). */
  public static int[] gamma(Random r, int n) {
    int[] g = new int[n];
    for (int i = 0; i < n; i++) {
      g[i] = bits(0.5 + r.nextDouble());
    }
    return g;
  }

  /** beta ~ N(0, 0.1). */
  public static int[] beta(Random r, int n) {
    int[] b = new int[n];
    for (int i = 0; i < n; i++) {
      b[i] = bits(0.1 * r.nextGaussian());
    }
    return b;
  }
}

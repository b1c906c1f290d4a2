package io.hardformer.generators.normalization;

import io.hardformer.generators.numerics.Fp8Arithmetic;

/**
 * Bit-exact model of {@code rmsnorm} (Llama-3): y = x / sqrt(mean(x^2) + eps) x gamma over a row,
 * by the integer steps of {@link NormalizationGolden}; q = saturating RNE of y to the FP8 format
 * ({@link Fp8Arithmetic#quantize}).
 */
public final class RmsNormGolden {
  private RmsNormGolden() {}

  /** y of one row: x, gamma FP32 bits, N each; returns N FP32 bits. */
  public static int[] row(RmsNormShape s, int[] x, int[] gamma) {
    return NormalizationGolden.row(s.core(), x, gamma, null);
  }

  /** The FP8 codes of the q output for a row's y. */
  public static int[] quantized(RmsNormShape s, int[] y) {
    int[] q = new int[y.length];
    for (int i = 0; i < y.length; i++) {
      q[i] = Fp8Arithmetic.quantize(s.format(), y[i], true);
    }
    return q;
  }
}

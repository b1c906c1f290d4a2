package io.hardformer.generators.normalization;

import io.hardformer.generators.numerics.Fp8Arithmetic;

/**
 * Bit-exact model of {@code layernorm}: y = (x - mean) / sqrt(var + eps) x gamma + beta over a row
 * (population variance), by the integer steps of {@link NormalizationGolden}; q = saturating RNE of
 * y to the FP8 format ({@link Fp8Arithmetic#quantize}).
 */
public final class LayerNormGolden {
  private LayerNormGolden() {}

  /** y of one row: x, gamma, beta FP32 bits, N each; returns N FP32 bits. */
  public static int[] row(LayerNormShape s, int[] x, int[] gamma, int[] beta) {
    return NormalizationGolden.row(s.core(), x, gamma, beta);
  }

  /** The FP8 codes of the q output for a row's y. */
  public static int[] quantized(LayerNormShape s, int[] y) {
    int[] q = new int[y.length];
    for (int i = 0; i < y.length; i++) {
      q[i] = Fp8Arithmetic.quantize(s.format(), y[i], true);
    }
    return q;
  }
}

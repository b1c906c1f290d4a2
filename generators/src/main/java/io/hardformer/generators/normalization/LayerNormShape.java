package io.hardformer.generators.normalization;

import io.hardformer.generators.numerics.Fp8Format;

/**
 * The parameters of {@code layernorm}: row length N ({@code dim}), lanes per beat L, eps (FP32,
 * default 1e-12 as BERT and all-MiniLM-L6-v2) and the FP8 format of the {@code q} output. Ranges in
 * {@link NormalizationShape}.
 */
public record LayerNormShape(int dim, int lanes, float eps, Fp8Format format) {
  public static final String DEFAULT_EPS = "1e-12";

  public LayerNormShape {
    core(dim, lanes, eps, format); // checks the ranges
  }

  /** N = dim, 4 lanes, eps 1e-12, E4M3. */
  public static LayerNormShape of(int dim) {
    return new LayerNormShape(dim, Math.min(4, dim), Float.parseFloat(DEFAULT_EPS), Fp8Format.E4M3);
  }

  public NormalizationShape core() {
    return core(dim, lanes, eps, format);
  }

  private static NormalizationShape core(int dim, int lanes, float eps, Fp8Format format) {
    return new NormalizationShape(dim, lanes, true, Float.floatToRawIntBits(eps), format);
  }
}

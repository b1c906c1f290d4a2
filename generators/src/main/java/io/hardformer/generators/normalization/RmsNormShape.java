package io.hardformer.generators.normalization;

import io.hardformer.generators.numerics.Fp8Format;

/**
 * The parameters of {@code rmsnorm}: row length N ({@code dim}), lanes per beat L, eps (FP32,
 * default 1e-5 as Llama-3) and the FP8 format of the {@code q} output. Ranges in {@link
 * NormalizationShape}.
 */
public record RmsNormShape(int dim, int lanes, float eps, Fp8Format format) {
  public static final String DEFAULT_EPS = "1e-5";

  public RmsNormShape {
    core(dim, lanes, eps, format); // checks the ranges
  }

  /** N = dim, 4 lanes, eps 1e-5, E4M3. */
  public static RmsNormShape of(int dim) {
    return new RmsNormShape(dim, Math.min(4, dim), Float.parseFloat(DEFAULT_EPS), Fp8Format.E4M3);
  }

  public NormalizationShape core() {
    return core(dim, lanes, eps, format);
  }

  private static NormalizationShape core(int dim, int lanes, float eps, Fp8Format format) {
    return new NormalizationShape(dim, lanes, false, Float.floatToRawIntBits(eps), format);
  }
}

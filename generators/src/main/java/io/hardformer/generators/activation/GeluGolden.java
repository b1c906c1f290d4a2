package io.hardformer.generators.activation;

import io.hardformer.generators.numerics.Fp8Arithmetic;

/**
 * The bit-exact golden model of the {@code gelu} unit: y = x Phi(x) = x (1 + erf(x / sqrt 2)) / 2
 * by {@link GatedProductGolden} with {@link GatingFunction#GAUSSIAN_CDF}, packed to FP32 (results
 * below 2^-126 flush to zero of their sign), and q = the saturating RNE of y to the FP8 format
 * (fp8-quant's golden model). Large |x| (&gt;= 8): y = x for x &gt; 0, y = -0 for x &lt; 0.
 */
public final class GeluGolden {
  private GeluGolden() {}

  /** y for the FP32 code x, FP32 bits. */
  public static int y(GeluShape s, int x) {
    return GatedProductGolden.apply(GatingFunction.GAUSSIAN_CDF, x).pack();
  }

  /** q for the FP32 code x: the FP8 code of y (saturating). */
  public static int q(GeluShape s, int x) {
    return Fp8Arithmetic.quantize(s.format(), y(s, x), true);
  }
}

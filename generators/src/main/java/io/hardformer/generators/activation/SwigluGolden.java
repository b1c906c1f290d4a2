package io.hardformer.generators.activation;

import io.hardformer.generators.numerics.Fp8Arithmetic;

/**
 * The bit-exact golden model of the {@code swiglu} unit: y = SiLU(gate) x up = gate sigmoid(gate)
 * up. SiLU(gate) comes from {@link GatedProductGolden} with {@link GatingFunction#SIGMOID} (one RNE
 * to 24 bits, exponent unbounded), times up (exact, subnormals included) with one more RNE, then
 * packed to FP32: overflow gives Inf, results below 2^-126 flush to zero of their sign. IEEE
 * specials: NaN in gives NaN; gate = +Inf gives Inf x up (NaN for up = 0); gate = -Inf gives -0 x
 * up (NaN for up = Inf). q = the saturating RNE of y to the FP8 format (fp8-quant's golden model).
 */
public final class SwigluGolden {
  private SwigluGolden() {}

  /** y for FP32 codes gate and up, FP32 bits. */
  public static int y(SwigluShape s, int gate, int up) {
    return silu(gate).times(ExtendedFloat.decode(up)).pack();
  }

  /** q for FP32 codes gate and up: the FP8 code of y (saturating). */
  public static int q(SwigluShape s, int gate, int up) {
    return Fp8Arithmetic.quantize(s.format(), y(s, gate, up), true);
  }

  /** SiLU(gate) before the multiplication by up. */
  public static ExtendedFloat silu(int gate) {
    return GatedProductGolden.apply(GatingFunction.SIGMOID, gate);
  }
}

package io.hardformer.models.golden;

import io.hardformer.generators.numerics.Fp8Arithmetic;
import io.hardformer.generators.numerics.Fp8Format;

/**
 * STAND-INS for the golden models of the {@code vector}, {@code layernorm} and {@code gelu} units,
 * which are being built in parallel: double-precision math rounded once to FP32, FP8 through the
 * fp8-quant golden ({@link Fp8Arithmetic#quantize}, saturating RNE). They let the FP8 plan's
 * accuracy be measured now; the lead replaces each method by the unit's golden call at merge
 * ({@code VectorGolden.y(a, scaleExp, b)}, {@code VectorGolden.q(shape, y, qexp)}, {@code
 * LayerNormGolden.row(shape, x, gamma, beta)}, {@code GeluGolden.y(shape, x)}). Figures measured
 * with them are labelled stand-in figures.
 */
public final class DoubleStandIns {
  /** LayerNorm epsilon of all-MiniLM-L6-v2 (BERT): 1e-12. */
  public static final double LAYER_NORM_EPSILON = 1e-12;

  private DoubleStandIns() {}

  /** Vector unit: RNE_fp32(a . 2^scaleExp + b), a and b FP32 bits. */
  public static int vectorY(int a, int scaleExp, int b) {
    double v = Math.scalb((double) Float.intBitsToFloat(a), scaleExp) + Float.intBitsToFloat(b);
    return Float.floatToRawIntBits((float) v);
  }

  /** Vector unit's FP8 output: sat_RNE_fp8(y . 2^-qexp). */
  public static int vectorQ(Fp8Format format, int y, int qexp) {
    float scaled = (float) Math.scalb((double) Float.intBitsToFloat(y), -qexp);
    return Fp8Arithmetic.quantize(format, Float.floatToRawIntBits(scaled), true);
  }

  /** LayerNorm of one row, FP32 bits in and out: (x - mean) / sqrt(var + eps) . gamma + beta. */
  public static int[] layerNormRow(int[] x, int[] gamma, int[] beta) {
    double mean = 0;
    for (int v : x) {
      mean += Float.intBitsToFloat(v);
    }
    mean /= x.length;
    double var = 0;
    for (int v : x) {
      double d = Float.intBitsToFloat(v) - mean;
      var += d * d;
    }
    var /= x.length;
    double inv = 1 / Math.sqrt(var + LAYER_NORM_EPSILON);
    int[] y = new int[x.length];
    for (int c = 0; c < x.length; c++) {
      double v =
          (Float.intBitsToFloat(x[c]) - mean) * inv * Float.intBitsToFloat(gamma[c])
              + Float.intBitsToFloat(beta[c]);
      y[c] = Float.floatToRawIntBits((float) v);
    }
    return y;
  }

  /** GELU (erf form) of FP32 bits. */
  public static int geluY(int x) {
    return Float.floatToRawIntBits((float) Erf.gelu(Float.intBitsToFloat(x)));
  }

  /**
   * Stand-in cycles of an elementwise or row unit over {@code elements} values: one beat of {@link
   * #LANES} lanes each, no latency counted (the units' contracts replace this at merge).
   */
  public static long beats(long elements) {
    return (elements + LANES - 1) / LANES;
  }

  /** Lanes per beat of the stand-in cycle count (the units' default {@code --lanes}). */
  public static final int LANES = 4;
}

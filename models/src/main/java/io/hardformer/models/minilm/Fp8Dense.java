package io.hardformer.models.minilm;

import io.hardformer.generators.numerics.Fp8Arithmetic;
import io.hardformer.generators.numerics.Fp8Format;
import io.hardformer.models.minilm.MiniLmWeights.Dense;

/**
 * A dense layer prepared for the FMA array at load time (the offline conversion every FP8
 * deployment does): {@code w8[k][n]} FP8 codes of {@code w[k][n] . 2^-exp[n]}, with a per-output-
 * channel power-of-two scale chosen so that the channel's largest |w| lands at or below the
 * format's largest normal; and the FP32 bias bits. The matmul's FP32 column n times {@code
 * 2^exp[n]} (the vector unit's dequantization) gives back x . w.
 */
public record Fp8Dense(int[][] w8, int[] exp, int[] bias) {

  public static Fp8Dense of(Dense d, Fp8Format f) {
    int in = d.w().length;
    int out = d.bias().length;
    double maxNormal = f.toDouble(f.maxNormalCode());
    int[] exp = new int[out];
    for (int n = 0; n < out; n++) {
      double max = 0;
      for (int k = 0; k < in; k++) {
        max = Math.max(max, Math.abs(d.w()[k][n]));
      }
      exp[n] = max == 0 ? 0 : Math.getExponent(max) - Math.getExponent(maxNormal) + 1;
      while (exp[n] > Integer.MIN_VALUE / 2 && Math.scalb(max, -exp[n] + 1) <= maxNormal) {
        exp[n]--; // the smallest exponent that keeps max |w| . 2^-exp at or below max normal
      }
    }
    int[][] w8 = new int[in][out];
    for (int k = 0; k < in; k++) {
      for (int n = 0; n < out; n++) {
        float scaled = Math.scalb(d.w()[k][n], -exp[n]);
        w8[k][n] = Fp8Arithmetic.quantize(f, Float.floatToRawIntBits(scaled), true);
      }
    }
    int[] bias = new int[out];
    for (int n = 0; n < out; n++) {
      bias[n] = Float.floatToRawIntBits(d.bias()[n]);
    }
    return new Fp8Dense(w8, exp, bias);
  }
}

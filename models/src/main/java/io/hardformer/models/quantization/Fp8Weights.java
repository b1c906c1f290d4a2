package io.hardformer.models.quantization;

import io.hardformer.generators.numerics.Fp8Arithmetic;
import io.hardformer.generators.numerics.Fp8Format;

/**
 * A weight matrix converted to FP8 once, at load (an offline conversion, as every FP8 deployment
 * does): {@code codes[k][j]} FP8 codes of {@code w[k][j] . 2^e_j}, with one power-of-two scale per
 * output column chosen so the column's largest |w| lands at or below the format's largest normal.
 * The matmul's FP32 result of column j is brought back by the vector unit with {@code scaleExp[j] =
 * -e_j}, which is exact. Rounding: {@code w . 2^e_j} to FP32 (RNE), then the fp8-quant unit's
 * saturating RNE.
 */
public record Fp8Weights(Fp8Format format, int[][] codes, int[] scaleExp) {

  /** Converts {@code w[in][out]}; an all-zero column gets exponent 0. */
  public static Fp8Weights of(Fp8Format f, double[][] w) {
    int in = w.length;
    int out = w[0].length;
    double maxNormal = f.toDouble(f.maxNormalCode());
    int[][] codes = new int[in][out];
    int[] scaleExp = new int[out];
    for (int j = 0; j < out; j++) {
      double max = 0;
      for (double[] row : w) {
        max = Math.max(max, Math.abs(row[j]));
      }
      int e = max == 0 ? 0 : (int) Math.floor(Math.log(maxNormal / max) / Math.log(2));
      while (max != 0 && Math.scalb(max, e) > maxNormal) {
        e--; // log rounding may land one too high
      }
      scaleExp[j] = -e;
      for (int k = 0; k < in; k++) {
        int fp32 = Float.floatToRawIntBits((float) Math.scalb(w[k][j], e));
        codes[k][j] = Fp8Arithmetic.quantize(f, fp32, true);
      }
    }
    return new Fp8Weights(f, codes, scaleExp);
  }

  /** The value the hardware computes with: {@code code . 2^scaleExp}. */
  public double value(int k, int j) {
    return Math.scalb(format.toDouble(codes[k][j]), scaleExp[j]);
  }
}

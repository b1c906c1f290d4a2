package io.hardformer.generators.array;

import io.hardformer.generators.fp8.FloatPacker;
import io.hardformer.generators.numerics.BinaryFormat;
import io.hardformer.generators.numerics.Fp8Arithmetic;
import io.hardformer.generators.numerics.Fp8Format;

/**
 * The bit-exact golden model of the FMA array: Y = X . W over FP8 codes. {@code EXACT}: every
 * output is the exact dot product rounded once (as {@link Fp8Arithmetic#dot}). {@code FP32}:
 * sequential IEEE binary32 accumulation with RNE, {@code y = (((-0 + p0) + p1) + ...) + p(K-1)}
 * over the exact products (Java {@code float} arithmetic is exactly that), NaN canonicalized to
 * 0x7FC00000, then RNE to BF16 if asked.
 */
public final class MatmulGolden {
  private MatmulGolden() {}

  /**
   * @param x activations, {@code x[i][k]} for row i (R x K)
   * @param w weights, {@code w[k][j]} for column j (K x C)
   * @return {@code y[i][j]}: FP32 or BF16 codes
   */
  public static long[][] multiply(FmaArrayShape shape, int[][] x, int[][] w) {
    int rows = x.length;
    int k = w.length;
    int cols = w[0].length;
    long[][] y = new long[rows][cols];
    Fp8Format f = shape.format();
    BinaryFormat out = shape.outFormat().format();
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < cols; j++) {
        if (shape.mode() == AccumulationMode.EXACT) {
          int[] col = new int[k];
          for (int t = 0; t < k; t++) {
            col[t] = w[t][j];
          }
          y[i][j] = Fp8Arithmetic.dot(f, x[i], col, out);
        } else {
          y[i][j] = roundFp32(sequentialFp32(f, x[i], w, j), shape.outFormat());
        }
      }
    }
    return y;
  }

  /**
   * FP32 bits of the sequential RNE sum of the products of row {@code xi} with column {@code j} of
   * w.
   */
  public static int sequentialFp32(Fp8Format f, int[] xi, int[][] w, int j) {
    float acc = -0.0f;
    for (int t = 0; t < xi.length; t++) {
      acc += Float.intBitsToFloat(Fp8Arithmetic.multiply(f, xi[t], w[t][j]));
    }
    return Float.isNaN(acc) ? 0x7FC00000 : Float.floatToRawIntBits(acc);
  }

  static long roundFp32(int fp32, FloatPacker out) {
    if (out == FloatPacker.FP32) {
      return fp32 & 0xFFFFFFFFL;
    }
    return BinaryFormat.BF16.fromDouble(Float.intBitsToFloat(fp32));
  }
}

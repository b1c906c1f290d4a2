package io.hardformer.models.golden;

import io.hardformer.generators.array.MatmulGolden;
import io.hardformer.generators.numerics.Fp8Arithmetic;
import io.hardformer.generators.numerics.Fp8Format;

/**
 * The fast path of the FMA array's FP32-accumulation golden model: the 256 x 256 exact products
 * ({@link Fp8Arithmetic#multiply}, as FP32) in a table, summed in Java {@code float} from -0 in the
 * order k = 0..K-1, NaN canonicalized at the end. That is {@link MatmulGolden}'s FP32 mode step for
 * step, so the result is bit-identical (a test proves it on random and special codes); only faster.
 */
public final class Fp32ProductTable {
  private static final int CANONICAL_NAN = 0x7FC00000;
  private final float[] products = new float[256 * 256];

  public Fp32ProductTable(Fp8Format format) {
    for (int a = 0; a < 256; a++) {
      for (int b = 0; b < 256; b++) {
        products[a << 8 | b] = Float.intBitsToFloat(Fp8Arithmetic.multiply(format, a, b));
      }
    }
  }

  /** Y = X . W: {@code x[t][k]}, {@code w[k][n]} FP8 codes; {@code y[t][n]} FP32 bits. */
  public int[][] multiply(int[][] x, int[][] w) {
    int k = w.length;
    int n = w[0].length;
    int[][] wt = new int[n][k];
    for (int r = 0; r < k; r++) {
      for (int c = 0; c < n; c++) {
        wt[c][r] = w[r][c] & 0xFF;
      }
    }
    int[][] y = new int[x.length][n];
    int[] row = new int[k];
    for (int i = 0; i < x.length; i++) {
      for (int r = 0; r < k; r++) {
        row[r] = (x[i][r] & 0xFF) << 8;
      }
      for (int c = 0; c < n; c++) {
        int[] col = wt[c];
        float acc = -0.0f;
        for (int r = 0; r < k; r++) {
          acc += products[row[r] | col[r]];
        }
        y[i][c] = Float.isNaN(acc) ? CANONICAL_NAN : Float.floatToRawIntBits(acc);
      }
    }
    return y;
  }
}

package io.hardformer.generators.array;

import io.hardformer.generators.fp8.FloatPacker;
import io.hardformer.generators.numerics.BinaryFormat;
import io.hardformer.generators.numerics.ExactDot;
import io.hardformer.generators.numerics.Fp8Arithmetic;
import io.hardformer.generators.numerics.Fp8Format;

/**
 * The bit-exact golden model of the FMA array: Y = X . W over FP8 codes. {@code EXACT}: every
 * output is the exact dot product rounded once (as {@link Fp8Arithmetic#dot}). {@code FP32}:
 * sequential IEEE binary32 accumulation with RNE, {@code y = (((-0 + p0) + p1) + ...) + p(K-1)}
 * over the exact products (Java {@code float} arithmetic is exactly that), NaN canonicalized to
 * 0x7FC00000, then RNE to BF16 if asked.
 *
 * <p>With L lanes (K zero-padded to a multiple of L with +0 codes, as the host sends it) each
 * beat's L products are summed exactly: {@code EXACT} is unchanged; {@code FP32} rounds each beat's
 * exact sum to FP32 (RNE) and adds it to the running sum (RNE), from -0; {@code FIXED} runs {@link
 * FixedAccumulator} over the beats' exact sums (docs/NUMERICS.md, "Fixed-point accumulation").
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
        } else if (shape.dotCells()) {
          y[i][j] = dotCell(shape, x[i], w, j);
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

  /** One output of a {@link FmaDotCell} array in FP32 or FIXED mode. */
  private static long dotCell(FmaArrayShape s, int[] xi, int[][] w, int j) {
    Fp8Format f = s.format();
    int lanes = s.lanes();
    int beats = (int) s.beats(xi.length);
    if (s.mode() == AccumulationMode.FP32) {
      float acc = -0.0f;
      for (int b = 0; b < beats; b++) {
        int[][] lane = lanes(xi, w, j, b, lanes);
        acc +=
            Float.intBitsToFloat((int) Fp8Arithmetic.dot(f, lane[0], lane[1], BinaryFormat.FP32));
      }
      return roundFp32(Float.isNaN(acc) ? 0x7FC00000 : Float.floatToRawIntBits(acc), s.outFormat());
    }
    int unit = 2 * f.quantumExponent();
    FixedAccumulator acc = new FixedAccumulator(s.accBits());
    int beatsPerChunk = s.promotes() ? s.promoteEvery() / lanes : Integer.MAX_VALUE;
    float promoted = -0.0f;
    int inChunk = 0;
    for (int b = 0; b < beats; b++) {
      int[][] lane = lanes(xi, w, j, b, lanes);
      acc.add(ExactDot.of(f, lane[0], lane[1]));
      inChunk++;
      if (s.promotes() && (inChunk == beatsPerChunk || b == beats - 1)) {
        promoted += Float.intBitsToFloat((int) acc.round(unit, BinaryFormat.FP32));
        acc = new FixedAccumulator(s.accBits());
        inChunk = 0;
      }
    }
    if (s.promotes()) {
      return roundFp32(
          Float.isNaN(promoted) ? 0x7FC00000 : Float.floatToRawIntBits(promoted), s.outFormat());
    }
    return acc.round(unit, s.outFormat().format());
  }

  /** Beat b's lanes of row xi and column j: [0] the x codes, [1] the w codes (+0 past K). */
  private static int[][] lanes(int[] xi, int[][] w, int j, int b, int lanes) {
    int[][] r = new int[2][lanes];
    for (int l = 0; l < lanes; l++) {
      int t = b * lanes + l;
      if (t < xi.length) {
        r[0][l] = xi[t];
        r[1][l] = w[t][j];
      }
    }
    return r;
  }

  static long roundFp32(int fp32, FloatPacker out) {
    if (out == FloatPacker.FP32) {
      return fp32 & 0xFFFFFFFFL;
    }
    return BinaryFormat.BF16.fromDouble(Float.intBitsToFloat(fp32));
  }
}

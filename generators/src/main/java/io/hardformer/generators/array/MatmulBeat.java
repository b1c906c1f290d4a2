package io.hardformer.generators.array;

import io.hardformer.dsl.Bundle;
import io.hardformer.dsl.BundleType;
import io.hardformer.dsl.Fields;
import io.hardformer.dsl.UInt;
import io.hardformer.generators.fp8.Fp8Stimulus;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * One beat of the FMA array's input stream: column k of X ({@code x}, row i in bits [8i+7:8i]) and
 * row k of W ({@code w}, column j in bits [8j+7:8j]). With L lanes, beat b carries k = bL..bL+L-1:
 * lane l of row i in x bits [8(iL+l)+7 : 8(iL+l)], lane l of column j in w bits [8(jL+l)+7 :
 * 8(jL+l)], the last beat zero-padded (+0 codes) when L does not divide K.
 */
public final class MatmulBeat extends Bundle<MatmulBeat> {
  public final UInt x;
  public final UInt w;

  private MatmulBeat(Fields f, int rows, int cols) {
    super(f);
    x = f.uint("x", 8 * rows);
    w = f.uint("w", 8 * cols);
  }

  /**
   * The beats of one matmul as {x, w, in_last} port values: X is R x K ({@code x[i][k]}), W is K x
   * C ({@code w[k][j]}); ceil(K / L) beats.
   */
  public static List<BigInteger[]> pack(FmaArrayShape s, int[][] x, int[][] w) {
    int lanes = s.lanes();
    int k = w.length;
    int beats = (int) s.beats(k);
    List<BigInteger[]> out = new ArrayList<>(beats);
    for (int b = 0; b < beats; b++) {
      int[] xs = new int[s.rows() * lanes];
      int[] ws = new int[s.cols() * lanes];
      for (int l = 0; l < lanes; l++) {
        int t = b * lanes + l;
        if (t >= k) {
          break;
        }
        for (int i = 0; i < s.rows(); i++) {
          xs[i * lanes + l] = x[i][t];
        }
        for (int j = 0; j < s.cols(); j++) {
          ws[j * lanes + l] = w[t][j];
        }
      }
      out.add(
          new BigInteger[] {
            Fp8Stimulus.pack8(xs), Fp8Stimulus.pack8(ws), BigInteger.valueOf(b == beats - 1 ? 1 : 0)
          });
    }
    return out;
  }

  public static BundleType<MatmulBeat> type(int rows, int cols) {
    return BundleType.of(f -> new MatmulBeat(f, rows, cols));
  }
}

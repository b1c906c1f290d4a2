package io.hardformer.generators.attention;

import io.hardformer.generators.fp8.FloatPacker;
import io.hardformer.generators.numerics.Fp8Format;

/**
 * The accuracy contract of the attention unit: against double-precision attention over the same FP8
 * inputs, every output element of a head, beyond the output format's own rounding (half an ulp), is
 * within
 *
 * <pre>  2^-20 x max_d |o_ref,d|  +  (2^-16 + S x 2^-40) x max|V|</pre>
 *
 * for S up to 2^{@link AttentionShape#LOG2_MAX_S} pairs. Where the terms come from (W = the sum of
 * the weights in units of the final running max, at least 1/2 because the largest logit's weight is
 * in (1/2, 1]):
 *
 * <ul>
 *   <li>S x 2^-40: each pair's weight p is truncated to 44 fraction bits (weights below 2^-44 are
 *       dropped), and each rescale of l and acc truncates once more: l and every acc_d lose under 2
 *       S x 2^-44 (times max|V| for acc), so o = acc / l moves by under 2 S x 2^-44 x 2 max|V| / (W
 *       - 2 S x 2^-44) &lt;= S x 2^-40 max|V| / (1 - S x 2^-42), which is S x 2^-40 max|V| plus
 *       under 2^-41 max|V| for S &lt;= 2^20 (the excess goes to the next term). This is the term
 *       that grows on long steps where one key dominates early; at S = 2^20 it is 2^-20 max|V|.
 *       With 24 fraction bits it was about S x 2^-20: 2^-6 max|V| at S = 2^14 and the whole of
 *       max|V| at 2^20;
 *   <li>2^-16: the spread of the relative weight errors (exp2 under 2^-20 and the 20-fraction-bit
 *       logit, for each weight and the largest: under 2^-17.9) moves a weighted mean by at most the
 *       spread times 2 max|V| (2^-16.9 max|V|); the 24-bit scale constant adds at most (log2 S + 2)
 *       x 2^-24 ln 2 x 2 max|V| (2^-19 max|V| at S = 2^20). Total under 2^-16.5 max|V|: a margin of
 *       1.4;
 *   <li>2^-20 x max|o_ref|: the 27-bit reciprocal and the one rounding of acc x reciprocal before
 *       the output format's own (both under 2^-23 relative, together under 2^-22): a margin of 4.
 * </ul>
 */
public final class AttentionAccuracy {
  public static final int RELATIVE_LOG2 = -20;
  public static final int FLOOR_LOG2 = -16;
  public static final int PER_PAIR_LOG2 = 4 - AttentionShape.P_FRACTION;

  private AttentionAccuracy() {}

  /** The allowed error of one head's elements for a step of {@code s} pairs. */
  public static double allowedError(double maxAbsReference, double maxAbsV, long s) {
    return Math.scalb(maxAbsReference, RELATIVE_LOG2)
        + (Math.scalb(1.0, FLOOR_LOG2) + Math.scalb((double) s, PER_PAIR_LOG2)) * maxAbsV;
  }

  /**
   * The error of one output code against the reference value, beyond half an ulp of the output
   * format.
   */
  public static double excessError(FloatPacker out, long code, double reference) {
    double got = out.format().toDouble(code);
    double halfUlp =
        Math.ulp((float) reference) * Math.scalb(1.0, 23 - out.format().mantissaBits()) / 2;
    return Math.max(0, Math.abs(got - reference) - halfUlp);
  }

  /**
   * softmax(q . k / sqrt(D)) . V of one head in double, from the same FP8 codes (q[D], k[S][D],
   * v[S][D]).
   */
  public static double[] reference(Fp8Format f, int[] q, int[][] k, int[][] v) {
    int s = k.length;
    int dim = q.length;
    double[] scores = new double[s];
    double max = Double.NEGATIVE_INFINITY;
    for (int t = 0; t < s; t++) {
      double dot = 0;
      for (int d = 0; d < dim; d++) {
        dot += f.toDouble(q[d]) * f.toDouble(k[t][d]);
      }
      scores[t] = dot / Math.sqrt(dim);
      max = Math.max(max, scores[t]);
    }
    double sum = 0;
    double[] o = new double[dim];
    for (int t = 0; t < s; t++) {
      double w = Math.exp(scores[t] - max);
      sum += w;
      for (int d = 0; d < dim; d++) {
        o[d] += w * f.toDouble(v[t][d]);
      }
    }
    for (int d = 0; d < dim; d++) {
      o[d] /= sum;
    }
    return o;
  }

  /** The largest |V| element of a step (finite codes only). */
  public static double maxAbsV(Fp8Format f, int[][] v) {
    double m = 0;
    for (int[] row : v) {
      for (int c : row) {
        m = Math.max(m, Math.abs(f.toDouble(c)));
      }
    }
    return m;
  }

  /**
   * The worst error of one head as a fraction of its allowed error (at most 1 meets the contract);
   * {@code got} holds the output codes of the head.
   */
  public static double worstFraction(
      AttentionShape shape, int[] q, int[][] k, int[][] v, long[] got) {
    double[] ref = reference(shape.format(), q, k, v);
    double maxRef = 0;
    for (double x : ref) {
      maxRef = Math.max(maxRef, Math.abs(x));
    }
    double allowed = allowedError(maxRef, maxAbsV(shape.format(), v), k.length);
    double worst = 0;
    for (int d = 0; d < ref.length; d++) {
      double e = excessError(shape.outFormat(), got[d], ref[d]);
      worst = Math.max(worst, allowed == 0 ? (e == 0 ? 0 : Double.POSITIVE_INFINITY) : e / allowed);
    }
    return worst;
  }
}

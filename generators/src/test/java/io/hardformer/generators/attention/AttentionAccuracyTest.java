package io.hardformer.generators.attention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hardformer.generators.fp8.FloatPacker;
import io.hardformer.generators.numerics.Fp8Format;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The accuracy contract of the attention unit's arithmetic (its golden model is bit-exact with the RTL):
 * against double-precision attention over the same FP8 inputs, every output element of a head is within
 * 2^-8 x max(max|o_ref|, 2^-12 x max|V|) (BF16 output, whose own rounding is 2^-9 relative, included).
 * The floor 2^-20 x max|V| is the resolution of the 24-bit fixed-point weights: when the output is a
 * near-total cancellation or all but negligible weights meet zero values, no error relative to |o| alone
 * can be promised. Checked over 10,000 random steps with S up to 4096, random score spreads, both formats.
 */
class AttentionAccuracyTest {
  static final double BOUND = Math.scalb(1.0, -8);

  /** softmax(q . k / sqrt(D)) . V in double, from the same FP8 codes. */
  static double[] reference(AttentionShape shape, int[] q, int[][] k, int[][] v) {
    Fp8Format f = shape.format();
    int s = k.length;
    int dim = shape.headDim();
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

  /** Random finite FP8 code whose magnitude is at most about 2^maxLog2. */
  static int code(Fp8Format f, Random r, int maxLog2) {
    while (true) {
      int c = r.nextInt(256);
      if (!f.isNaN(c) && !f.isInfinite(c) && Math.abs(f.toDouble(c)) <= Math.scalb(1.0, maxLog2)) {
        return c;
      }
    }
  }

  @Test
  void tenThousandRandomStepsMeetTheBound() {
    Random r = new Random(2026);
    double worst = 0;
    double worstFp32 = 0;
    String worstCase = "";
    int cases = 10_000;
    for (int n = 0; n < cases; n++) {
      Fp8Format f = n % 4 == 3 ? Fp8Format.E5M2 : Fp8Format.E4M3;
      int dim = new int[] {1, 4, 8, 16, 32}[r.nextInt(5)];
      FloatPacker out = n % 2 == 0 ? FloatPacker.BF16 : FloatPacker.FP32;
      AttentionShape shape = new AttentionShape(dim, 1, f, out);
      int s = n % 50 == 0 ? 4096 : (int) Math.round(Math.pow(2, r.nextDouble() * 10.5)); // 1 .. ~1450, some 4096
      int spread = r.nextInt(6);                       // score scale: q, k magnitudes up to 2^spread
      int[][] q = {new int[dim]};
      int[][] k = new int[s][dim];
      int[][] v = new int[s][dim];
      for (int d = 0; d < dim; d++) {
        q[0][d] = code(f, r, spread);
      }
      for (int t = 0; t < s; t++) {
        for (int d = 0; d < dim; d++) {
          k[t][d] = code(f, r, spread);
          v[t][d] = code(f, r, 8);
        }
      }
      long[] got = AttentionGolden.step(shape, q, k, v)[0];
      double[] ref = reference(shape, q[0], k, v);
      double scale = 0;
      for (double x : ref) {
        scale = Math.max(scale, Math.abs(x));
      }
      double vMax = 0;
      for (int[] row : v) {
        for (int c : row) {
          vMax = Math.max(vMax, Math.abs(f.toDouble(c)));
        }
      }
      scale = Math.max(scale, Math.scalb(vMax, -12));
      for (int d = 0; d < dim; d++) {
        double err = Math.abs(out.format().toDouble(got[d]) - ref[d]);
        if (out == FloatPacker.BF16) {
          // BF16's own rounding (half an ulp, up to 2^-8 of the element) is not the unit's error
          err = Math.max(0, err - Math.ulp((float) ref[d]) * Math.scalb(1.0, 16) / 2);
        }
        double rel = scale == 0 ? err : err / scale;
        if (out == FloatPacker.FP32) {
          worstFp32 = Math.max(worstFp32, rel);
        }
        if (rel > worst) {
          worst = rel;
          worstCase = f + " D=" + dim + " S=" + s + " spread=" + spread + " " + out + " d=" + d;
        }
      }
    }
    System.out.printf("[attention] worst error over %d steps: 2^%.2f of max(max|o|, 2^-12 max|V|) (%s)%n", cases,
        Math.log(worst) / Math.log(2), worstCase);
    assertTrue(worst <= BOUND, "worst error " + worst + " > 2^-8 at " + worstCase);
  }

  @Test
  void exp2TableAndStepAreAccurate() {
    double worst = 0;
    for (long t = 0; t < (4L << AttentionShape.X_FRACTION); t += 3) {
      double exact = Math.pow(2, -t / (double) (1 << AttentionShape.X_FRACTION)) * (1 << 24);
      worst = Math.max(worst, Math.abs(AttentionGolden.exp2(t) - exact) / exact);
    }
    assertTrue(worst < Math.scalb(1.0, -20), "exp2 relative error " + worst);
    assertEquals(1L << 24, AttentionGolden.exp2(0));
  }
}

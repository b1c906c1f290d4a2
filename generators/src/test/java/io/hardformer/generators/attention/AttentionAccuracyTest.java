package io.hardformer.generators.attention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hardformer.generators.fp8.FloatPacker;
import io.hardformer.generators.numerics.Fp8Format;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The accuracy contract of the attention unit's arithmetic ({@link AttentionAccuracy}; the golden
 * model is bit-exact with the RTL, and {@code testbench/.../attention/AttentionAccuracyRtlTest}
 * runs the contract on Verilator outputs): 10,000 random steps with S up to 4096, and the
 * adversarial long steps at the longest documented S, 2^20 pairs, where one key dominates early and
 * every later weight is below 2^-24 of it.
 */
class AttentionAccuracyTest {
  static final long MAX_S = 1L << AttentionShape.LOG2_MAX_S;

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
  void tenThousandRandomStepsMeetTheContract() {
    Random r = new Random(2026);
    double worst = 0;
    String worstCase = "";
    int cases = 10_000;
    for (int n = 0; n < cases; n++) {
      Fp8Format f = n % 4 == 3 ? Fp8Format.E5M2 : Fp8Format.E4M3;
      int dim = new int[] {1, 4, 8, 16, 32}[r.nextInt(5)];
      FloatPacker out = n % 2 == 0 ? FloatPacker.BF16 : FloatPacker.FP32;
      AttentionShape shape = new AttentionShape(dim, 1, f, out);
      int s =
          n % 50 == 0
              ? 4096
              : (int) Math.round(Math.pow(2, r.nextDouble() * 10.5)); // 1 .. ~1450, some 4096
      int spread = r.nextInt(6); // score scale: q, k magnitudes up to 2^spread
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
      double fraction = AttentionAccuracy.worstFraction(shape, q[0], k, v, got);
      if (fraction > worst) {
        worst = fraction;
        worstCase = f + " D=" + dim + " S=" + s + " spread=" + spread + " " + out;
      }
    }
    System.out.printf(
        "[attention] worst error over %d random steps: 2^%.2f of the allowed error (%s)%n",
        cases, Math.log(worst) / Math.log(2), worstCase);
    assertTrue(worst <= 1, "worst error is " + worst + " x the allowed error at " + worstCase);
  }

  /**
   * One head, D = 4, FP32 out: key 0 dominates (q = 1.0, k0 = big), the other S - 1 keys and values
   * are {@code k1}, {@code v1}.
   */
  static double longStep(
      Fp8Format f, long s, int k0, int k1, int[] v0, int[] v1, double[] oldContractError) {
    int one = f == Fp8Format.E4M3 ? 0x38 : 0x3C;
    AttentionShape shape = new AttentionShape(4, 1, f, FloatPacker.FP32);
    int[][] q = {{one, one, one, one}};
    int[][] k = new int[(int) s][];
    int[][] v = new int[(int) s][];
    int[] kRest = {k1, k1, k1, k1};
    k[0] = new int[] {k0, k0, k0, k0};
    v[0] = v0;
    for (int t = 1; t < s; t++) {
      k[t] = kRest;
      v[t] = v1;
    }
    long[] got = AttentionGolden.step(shape, q, k, v)[0];
    double[] ref = AttentionAccuracy.reference(f, q[0], k, v);
    double maxRef = 0;
    double err = 0;
    for (int d = 0; d < 4; d++) {
      maxRef = Math.max(maxRef, Math.abs(ref[d]));
      err = Math.max(err, AttentionAccuracy.excessError(FloatPacker.FP32, got[d], ref[d]));
    }
    oldContractError[0] = err / (Math.scalb(maxRef, -8));
    double fraction = AttentionAccuracy.worstFraction(shape, q[0], k, v, got);
    System.out.printf(
        "[attention] %s S=%d k0=0x%02x k1=0x%02x: error 2^%.2f, 2^%.2f of the allowed error%n",
        f, s, k0, k1, Math.log(err) / Math.log(2), Math.log(fraction) / Math.log(2));
    return fraction;
  }

  @Test
  void reportersLongStepsMeetTheContractAtTheLongestDocumentedS() {
    double[] old = new double[1];
    int[] e4One = {0x38, 0, 0, 0};
    int[] e4Second = {0, 0x38, 0, 0};
    // the outside testbench's smallest case: S = 100,000, later weights 2^-24.2 each (dropped by
    // 24-bit weights)
    assertTrue(longStep(Fp8Format.E4M3, 100_000, 0x52, 0x3D, e4One, e4Second, old) <= 1);
    assertTrue(
        old[0] < Math.scalb(1.0, -8),
        "error " + old[0] + " x 2^-8 max|o_ref| (with 24-bit weights: 2^0.44)");
    // the longest documented step with the later keys 1.0, both formats
    assertTrue(longStep(Fp8Format.E4M3, MAX_S, 0x52, 0x38, e4One, e4Second, old) <= 1);
    assertTrue(
        old[0] < Math.scalb(1.0, -8),
        "error " + old[0] + " x 2^-8 max|o_ref| (with 24-bit weights: 2^2)");
    assertTrue(
        longStep(
                Fp8Format.E5M2,
                MAX_S,
                0x49,
                0x3C,
                new int[] {0x3C, 0, 0, 0},
                new int[] {0, 0x3C, 0, 0},
                old)
            <= 1);
    // harsher: the dropped values point the other way, so the dropped mass moves o by twice as much
    assertTrue(
        longStep(Fp8Format.E4M3, MAX_S, 0x52, 0x3D, e4One, new int[] {0xB8, 0xB8, 0xB8, 0xB8}, old)
            <= 1);
  }

  @Test
  void exp2TableAndStepAreAccurate() {
    double worst = 0;
    for (long t = 0; t < (4L << AttentionShape.X_FRACTION); t += 3) {
      double exact =
          Math.scalb(
              Math.pow(2, -t / (double) (1 << AttentionShape.X_FRACTION)),
              AttentionShape.P_FRACTION);
      worst = Math.max(worst, Math.abs(AttentionGolden.exp2(t) - exact) / exact);
    }
    assertTrue(worst < Math.scalb(1.0, -20), "exp2 relative error " + worst);
    assertEquals(1L << AttentionShape.P_FRACTION, AttentionGolden.exp2(0));
  }
}

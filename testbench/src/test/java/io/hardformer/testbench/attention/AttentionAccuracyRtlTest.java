package io.hardformer.testbench.attention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hardformer.generators.attention.AttentionAccuracy;
import io.hardformer.generators.attention.AttentionShape;
import io.hardformer.generators.attention.AttentionUnit;
import io.hardformer.generators.fp8.FloatPacker;
import io.hardformer.generators.numerics.Fp8Format;
import io.hardformer.testbench.Lanes;
import io.hardformer.testbench.StreamRun;
import io.hardformer.testbench.Testbench;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The accuracy contract ({@link AttentionAccuracy}) on the attention unit's Verilator outputs,
 * against double-precision attention, with several query heads per K/V stream (G = 3 and 2): random
 * steps of varied score spreads and lengths, and an adversarial long step (S = 2^17) where one key
 * dominates and every later weight is about 2^-24 of it (all of them dropped when the weights had
 * 24 fraction bits). The configurations are AttentionTest's, so the models are shared.
 */
@Tag("verilator")
class AttentionAccuracyRtlTest {
  /**
   * Runs the steps and returns, per step and head, the worst error as a fraction of the allowed
   * error.
   */
  private static double[][] fractions(AttentionShape s, List<AttentionTest.Step> steps) {
    AttentionUnit dut = new AttentionUnit(s);
    try (Testbench tb = Testbench.of(dut)) {
      tb.reset();
      StreamRun run = AttentionTest.send(tb, dut, steps, s, 0);
      double[][] f = new double[steps.size()][s.qHeads()];
      for (int j = 0; j < steps.size(); j++) {
        AttentionTest.Step step = steps.get(j);
        for (int h = 0; h < s.qHeads(); h++) {
          long[] got = new long[s.headDim()];
          for (int d = 0; d < s.headDim(); d++) {
            got[d] = Lanes.element(run.output(j * s.qHeads() + h)[0], d, s.outFormat().width());
          }
          f[j][h] = AttentionAccuracy.worstFraction(s, step.q()[h], step.k(), step.v(), got);
        }
      }
      return f;
    }
  }

  @Test
  void randomStepsWithSeveralHeadsMeetTheContract() {
    for (AttentionShape s :
        new AttentionShape[] {
          new AttentionShape(3, 3, Fp8Format.E5M2, FloatPacker.FP32),
          new AttentionShape(4, 2, Fp8Format.E4M3, FloatPacker.FP32)
        }) {
      Random r = new Random(s.headDim() * 7L + s.qHeads());
      List<AttentionTest.Step> steps = new ArrayList<>();
      for (int n = 0; n < 40; n++) {
        int len = (int) Math.round(Math.pow(2, r.nextDouble() * 10));
        int spread = n % 6;
        int[][] q = new int[s.qHeads()][s.headDim()];
        int[][] k = new int[len][s.headDim()];
        int[][] v = new int[len][s.headDim()];
        for (int[] row : q) {
          fill(row, s.format(), r, spread);
        }
        for (int t = 0; t < len; t++) {
          fill(k[t], s.format(), r, spread);
          fill(v[t], s.format(), r, 8);
        }
        steps.add(new AttentionTest.Step(q, k, v));
      }
      double[][] f = fractions(s, steps);
      double worst = 0;
      for (int j = 0; j < f.length; j++) {
        for (int h = 0; h < s.qHeads(); h++) {
          assertTrue(
              f[j][h] <= 1,
              s
                  + " step "
                  + j
                  + " (S="
                  + steps.get(j).k().length
                  + ") head "
                  + h
                  + ": error "
                  + f[j][h]
                  + " x the allowed error");
          worst = Math.max(worst, f[j][h]);
        }
      }
      System.out.printf(
          "[attention rtl] %s: worst error 2^%.2f of the allowed error over %d steps x %d heads%n",
          s, Math.log(worst) / Math.log(2), steps.size(), s.qHeads());
    }
  }

  @Test
  void adversarialLongStepMeetsTheContract() {
    AttentionShape s = new AttentionShape(4, 2, Fp8Format.E4M3, FloatPacker.FP32);
    int len = 1 << 17;
    int one = 0x38;
    int[][] q = {
      {one, one, one, one}, {0x30, 0xB8, one, 0x40}
    }; // head 0: key 0 dominates; head 1: mild
    int[][] k = new int[len][];
    int[][] v = new int[len][];
    k[0] = new int[] {0x52, 0x52, 0x52, 0x52}; // score 20 against 3.25: later weights 2^-24.2
    v[0] = new int[] {one, 0, 0, 0};
    int[] kRest = {0x3D, 0x3D, 0x3D, 0x3D};
    int[] vRest = {0, one, 0, 0};
    for (int t = 1; t < len; t++) {
      k[t] = kRest;
      v[t] = vRest;
    }
    double[][] f = fractions(s, List.of(new AttentionTest.Step(q, k, v)));
    System.out.printf(
        "[attention rtl] S=%d dominant first key: 2^%.2f, 2^%.2f of the allowed error (heads 0, 1)%n",
        len, Math.log(f[0][0]) / Math.log(2), Math.log(f[0][1]) / Math.log(2));
    assertEquals(2, f[0].length);
    assertTrue(
        f[0][0] <= 1 && f[0][1] <= 1,
        "errors " + f[0][0] + ", " + f[0][1] + " x the allowed error");
  }

  private static void fill(int[] row, Fp8Format f, Random r, int maxLog2) {
    for (int d = 0; d < row.length; d++) {
      row[d] = AttentionTest.finite(f, r, maxLog2);
    }
  }
}

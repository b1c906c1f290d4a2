package io.hardformer.testbench.attention;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.hardformer.generators.attention.AttentionGolden;
import io.hardformer.generators.attention.AttentionShape;
import io.hardformer.generators.attention.AttentionUnit;
import io.hardformer.generators.fp8.FloatPacker;
import io.hardformer.generators.numerics.Fp8Format;
import io.hardformer.testbench.Lanes;
import io.hardformer.testbench.Stream;
import io.hardformer.testbench.StreamRun;
import io.hardformer.testbench.Testbench;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The attention unit in Verilator, bit-exact against {@link AttentionGolden} on random and
 * adversarial steps (all scores equal, one dominant key, large negative scores, S = 1, NaN and Inf
 * inputs), with the cycle contract (output cycles and step period) measured from the cycle stamps,
 * at drain stage counts 1, 2, 4 and 27 (one bit of the reciprocal per stage).
 */
@Tag("verilator")
class AttentionTest {
  record Step(int[][] q, int[][] k, int[][] v) {}

  static java.util.stream.Stream<Arguments> configs() {
    return java.util.stream.Stream.of(
        Arguments.of(1, 1, Fp8Format.E4M3, FloatPacker.BF16, AttentionShape.DEFAULT_DRAIN_STAGES),
        Arguments.of(4, 2, Fp8Format.E4M3, FloatPacker.FP32, 1),
        Arguments.of(8, 1, Fp8Format.E5M2, FloatPacker.BF16, 27),
        Arguments.of(16, 2, Fp8Format.E4M3, FloatPacker.BF16, AttentionShape.DEFAULT_DRAIN_STAGES),
        Arguments.of(3, 3, Fp8Format.E5M2, FloatPacker.FP32, 4));
  }

  static int finite(Fp8Format f, Random r, int maxLog2) {
    while (true) {
      int c = r.nextInt(256);
      if (!f.isNaN(c) && !f.isInfinite(c) && Math.abs(f.toDouble(c)) <= Math.scalb(1.0, maxLog2)) {
        return c;
      }
    }
  }

  static List<Step> steps(AttentionShape s, Random r) {
    Fp8Format f = s.format();
    int g = s.qHeads();
    int dim = s.headDim();
    List<Step> steps = new ArrayList<>();
    int[] lengths = {1, 2, 5, 37, 300, 1, 64, 3, 9, 130};
    for (int n = 0; n < lengths.length; n++) {
      int len = lengths[n];
      int kind = n % 7;
      int[][] q = new int[g][dim];
      int[][] k = new int[len][dim];
      int[][] v = new int[len][dim];
      int spread = kind == 0 ? 2 : 5;
      for (int h = 0; h < g; h++) {
        for (int d = 0; d < dim; d++) {
          q[h][d] = kind == 1 ? 0 : finite(f, r, spread); // kind 1: all scores equal (zero)
        }
      }
      for (int t = 0; t < len; t++) {
        for (int d = 0; d < dim; d++) {
          k[t][d] = finite(f, r, spread);
          v[t][d] = finite(f, r, 8);
          if (kind == 3) { // large negative scores: k = -q
            k[t][d] = q[0][d] ^ 0x80;
          }
        }
      }
      if (kind == 2 && len > 1) { // one dominant key
        int t = r.nextInt(len);
        for (int d = 0; d < dim; d++) {
          k[t][d] = q[0][d] == 0 ? 0 : q[0][d] | 0x78 & (f.maxNormalCode());
        }
      }
      if (kind == 4) { // a NaN in one K row, one V row
        k[r.nextInt(len)][r.nextInt(dim)] = f.canonicalNaN();
      }
      if (kind == 5) {
        v[r.nextInt(len)][r.nextInt(dim)] = f.hasInfinities() ? 0x7C : f.canonicalNaN();
      }
      if (kind == 6) {
        q[g - 1][r.nextInt(dim)] = f.canonicalNaN() | 0x80;
      }
      steps.add(new Step(q, k, v));
    }
    return steps;
  }

  static StreamRun send(
      Testbench tb, AttentionUnit dut, List<Step> steps, AttentionShape s, double bubbles) {
    Stream st = tb.stream(dut.in, dut.out).bubbles(bubbles);
    for (Step step : steps) {
      BigInteger q = Lanes.pack8(step.q());
      int len = step.k().length;
      for (int t = 0; t < len; t++) {
        st.send(
            q,
            Lanes.pack8(step.k()[t]),
            Lanes.pack8(step.v()[t]),
            BigInteger.valueOf(t == 0 ? 1 : 0),
            BigInteger.valueOf(t == len - 1 ? 1 : 0));
      }
    }
    return st.expectOutputs(steps.size() * s.qHeads()).run();
  }

  @ParameterizedTest(name = "D={0} G={1} {2} out={3} drain stages {4}")
  @MethodSource("configs")
  void bitExactAndOnTime(int dim, int g, Fp8Format f, FloatPacker out, int drainStages) {
    check(new AttentionShape(dim, g, f, out, drainStages));
  }

  /**
   * Every output of {@link #steps} bit-exact against the golden model, at the contract's cycle
   * (latency from the last pair, one head per cycle), and the step period back to back; without and
   * with 20 % input bubbles.
   */
  static void check(AttentionShape s) {
    int dim = s.headDim();
    int g = s.qHeads();
    FloatPacker out = s.outFormat();
    List<Step> steps = steps(s, new Random(dim * 100L + g));
    AttentionUnit dut = new AttentionUnit(s);
    try (Testbench tb = Testbench.of(dut)) {
      for (double bubbles : new double[] {0, 0.2}) {
        tb.reset();
        StreamRun run = send(tb, dut, steps, s, bubbles);
        int w = out.width();
        int beat = 0;
        for (int j = 0; j < steps.size(); j++) {
          Step step = steps.get(j);
          long[][] expected = AttentionGolden.step(s, step.q(), step.k(), step.v());
          int len = step.k().length;
          long lastBeat = run.acceptCycle(beat + len - 1);
          if (bubbles == 0 && j > 0) {
            long prevFirst = run.acceptCycle(beat - steps.get(j - 1).k().length);
            assertEquals(
                s.stepPeriod(steps.get(j - 1).k().length),
                run.acceptCycle(beat) - prevFirst,
                "step period before step " + j);
          }
          beat += len;
          for (int h = 0; h < g; h++) {
            int index = j * g + h;
            BigInteger[] got = run.output(index);
            assertEquals(
                lastBeat + s.latency() + h,
                run.outputCycle(index),
                "cycle of step " + j + " head " + h);
            assertEquals(h == g - 1 ? 1 : 0, got[1].intValue(), "out_last");
            for (int d = 0; d < dim; d++) {
              long v = Lanes.element(got[0], d, w);
              if (v != expected[h][d]) {
                tb.failAt(
                    run.outputCycle(index),
                    String.format(
                        "step %d (S=%d) head %d o[%d]: expected 0x%x, got 0x%x",
                        j, len, h, d, expected[h][d], v));
              }
            }
          }
        }
      }
    }
  }
}

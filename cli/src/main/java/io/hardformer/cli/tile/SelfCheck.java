package io.hardformer.cli.tile;

import io.hardformer.cli.designs.GeneratedUnit;
import io.hardformer.generators.array.FmaArrayShape;
import io.hardformer.generators.array.MatmulGolden;
import io.hardformer.generators.attention.AttentionGolden;
import io.hardformer.generators.attention.AttentionShape;
import io.hardformer.testbench.Lanes;
import io.hardformer.testbench.Stream;
import io.hardformer.testbench.StreamRun;
import io.hardformer.testbench.Testbench;
import io.hardformer.testbench.TestbenchOptions;
import java.math.BigInteger;
import java.util.Random;

/**
 * A short Verilator run of a generated unit against its golden model: the FMA array multiplies two
 * random matrices pairs (K = 40 and K = 3); the attention unit runs two steps (S = 24 and S = 1). Returns a
 * one-line verdict; a mismatch throws with the first differing output.
 */
final class SelfCheck {
  private SelfCheck() {}

  static boolean supports(GeneratedUnit u) {
    return u.shape() instanceof FmaArrayShape || u.shape() instanceof AttentionShape;
  }

  static String run(GeneratedUnit u) {
    try (Testbench tb = Testbench.of(u.emitted(), TestbenchOptions.defaults())) {
      tb.reset();
      if (u.shape() instanceof FmaArrayShape) {
        return array(tb, (FmaArrayShape) u.shape());
      }
      return attention(tb, (AttentionShape) u.shape());
    }
  }

  private static String array(Testbench tb, FmaArrayShape s) {
    Random r = new Random(1);
    int[] ks = {40, 3};
    int[][][] xs = new int[ks.length][][];
    int[][][] ws = new int[ks.length][][];
    Stream st = tb.stream().source("in_valid", "in_ready", "x", "w", "in_last").sink("out_valid", null, "out", "out_last");
    for (int m = 0; m < ks.length; m++) {
      xs[m] = new int[s.rows()][ks[m]];
      ws[m] = new int[ks[m]][s.cols()];
      for (int t = 0; t < ks[m]; t++) {
        int[] xcol = new int[s.rows()];
        for (int i = 0; i < s.rows(); i++) {
          xs[m][i][t] = xcol[i] = finite(r);
        }
        for (int j = 0; j < s.cols(); j++) {
          ws[m][t][j] = finite(r);
        }
        st.send(Lanes.pack8(xcol), Lanes.pack8(ws[m][t]), BigInteger.valueOf(t == ks[m] - 1 ? 1 : 0));
      }
    }
    StreamRun run = st.expectOutputs(ks.length * s.rows()).run();
    int w = s.outFormat().width();
    for (int m = 0; m < ks.length; m++) {
      long[][] y = MatmulGolden.multiply(s, xs[m], ws[m]);
      for (int i = 0; i < s.rows(); i++) {
        compare(run.output(m * s.rows() + i)[0], y[i], w, "matmul " + m + " row " + i);
      }
    }
    return ks.length + " matmuls (K = 40, 3), " + ks.length * s.rows() * s.cols() + " outputs bit-exact";
  }

  private static String attention(Testbench tb, AttentionShape s) {
    Random r = new Random(2);
    int[] lengths = {24, 1};
    Stream st = tb.stream().source("in_valid", "in_ready", "q", "k", "v", "in_first", "in_last")
        .sink("out_valid", null, "out", "out_last");
    long[][][] expected = new long[lengths.length][][];
    for (int j = 0; j < lengths.length; j++) {
      int[][] q = new int[s.qHeads()][s.headDim()];
      int[] qFlat = new int[s.qHeads() * s.headDim()];
      for (int h = 0; h < s.qHeads(); h++) {
        for (int d = 0; d < s.headDim(); d++) {
          q[h][d] = qFlat[h * s.headDim() + d] = finite(r) & 0xBF; // moderate magnitudes
        }
      }
      int[][] k = new int[lengths[j]][s.headDim()];
      int[][] v = new int[lengths[j]][s.headDim()];
      for (int t = 0; t < lengths[j]; t++) {
        for (int d = 0; d < s.headDim(); d++) {
          k[t][d] = finite(r) & 0xBF;
          v[t][d] = finite(r);
        }
        st.send(Lanes.pack8(qFlat), Lanes.pack8(k[t]), Lanes.pack8(v[t]), BigInteger.valueOf(t == 0 ? 1 : 0),
            BigInteger.valueOf(t == lengths[j] - 1 ? 1 : 0));
      }
      expected[j] = AttentionGolden.step(s, q, k, v);
    }
    StreamRun run = st.expectOutputs(lengths.length * s.qHeads()).run();
    for (int j = 0; j < lengths.length; j++) {
      for (int h = 0; h < s.qHeads(); h++) {
        compare(run.output(j * s.qHeads() + h)[0], expected[j][h], s.outFormat().width(), "step " + j + " head " + h);
      }
    }
    return lengths.length + " steps (S = 24, 1), " + lengths.length * s.qHeads() * s.headDim() + " outputs bit-exact";
  }

  private static void compare(BigInteger row, long[] expected, int width, String where) {
    for (int j = 0; j < expected.length; j++) {
      long got = Lanes.element(row, j, width);
      if (got != expected[j]) {
        throw new IllegalStateException("self-check failed: " + where + " element " + j + ": expected 0x"
            + Long.toHexString(expected[j]) + ", got 0x" + Long.toHexString(got));
      }
    }
  }

  private static int finite(Random r) {
    while (true) {
      int c = r.nextInt(256);
      if ((c & 0x7F) < 0x7C) { // finite in both formats
        return c;
      }
    }
  }
}

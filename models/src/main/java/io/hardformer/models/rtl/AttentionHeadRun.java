package io.hardformer.models.rtl;

import io.hardformer.generators.attention.AttentionShape;
import io.hardformer.generators.attention.AttentionUnit;
import io.hardformer.testbench.Lanes;
import io.hardformer.testbench.Stream;
import io.hardformer.testbench.StreamRun;
import io.hardformer.testbench.Testbench;
import java.math.BigInteger;

/**
 * Runs one attention head on an open {@code attention} testbench (G = 1, FP32 out): query t is one
 * unit step over keys {@code 0 .. keys[t]-1} (first and last markers on the step's first and last
 * pair), every step of the head in one stream run, back to back.
 */
final class AttentionHeadRun {
  private final Testbench tb;
  private final AttentionUnit dut;
  private final AttentionShape shape;

  AttentionHeadRun(Testbench tb, AttentionUnit dut, AttentionShape shape) {
    this.tb = tb;
    this.dut = dut;
    this.shape = shape;
  }

  /**
   * {@code o[t][d]} FP32 bits for queries {@code q[t][d]} over {@code k[s][d]}, {@code v[s][d]}.
   */
  TimedResult head(int[][] q, int[][] k, int[][] v, int[] keys) {
    Stream s = tb.stream(dut.in, dut.out);
    BigInteger[] kb = new BigInteger[k.length];
    BigInteger[] vb = new BigInteger[v.length];
    for (int j = 0; j < k.length; j++) {
      kb[j] = Lanes.pack8(k[j]);
      vb[j] = Lanes.pack8(v[j]);
    }
    for (int t = 0; t < q.length; t++) {
      BigInteger qb = Lanes.pack8(q[t]);
      for (int j = 0; j < keys[t]; j++) {
        s.send(
            qb,
            kb[j],
            vb[j],
            j == 0 ? BigInteger.ONE : BigInteger.ZERO,
            j == keys[t] - 1 ? BigInteger.ONE : BigInteger.ZERO);
      }
    }
    StreamRun run = s.expectOutputs(q.length).run();
    int width = shape.outFormat().width();
    int[][] o = new int[q.length][shape.headDim()];
    for (int t = 0; t < q.length; t++) {
      BigInteger word = run.output(t)[0];
      for (int d = 0; d < shape.headDim(); d++) {
        o[t][d] = (int) Lanes.element(word, d, width);
      }
    }
    return new TimedResult(o, run.acceptCycle(0), run.outputCycle(q.length - 1));
  }
}

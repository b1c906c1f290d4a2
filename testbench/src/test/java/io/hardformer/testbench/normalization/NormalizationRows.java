package io.hardformer.testbench.normalization;

import io.hardformer.generators.normalization.NormalizationGolden;
import io.hardformer.generators.normalization.NormalizationShape;
import io.hardformer.generators.normalization.NormalizationUnit;
import io.hardformer.testbench.Lanes;
import io.hardformer.testbench.Stream;
import io.hardformer.testbench.StreamRun;
import io.hardformer.testbench.Testbench;
import java.math.BigInteger;
import java.util.List;

/**
 * Streams rows through a normalization unit (each row twice: statistics pass, output pass) and
 * checks every output beat bit-exactly against {@link NormalizationGolden}, with the cycle contract
 * measured from the cycle stamps.
 */
final class NormalizationRows {
  /** One row's inputs (FP32 bits); beta null for rmsnorm. */
  record Row(int[] x, int[] gamma, int[] beta) {}

  private NormalizationRows() {}

  static BigInteger pack32(int[] v, int from, int count) {
    BigInteger w = BigInteger.ZERO;
    for (int e = count - 1; e >= 0; e--) {
      w = w.shiftLeft(32).or(BigInteger.valueOf(Integer.toUnsignedLong(v[from + e])));
    }
    return w;
  }

  static StreamRun send(
      Testbench tb, NormalizationUnit dut, NormalizationShape s, List<Row> rows, double bubbles) {
    Stream st = tb.stream(dut.in, dut.out).bubbles(bubbles);
    int lanes = s.lanes();
    int beats = s.beatsPerRow();
    for (Row row : rows) {
      for (int pass = 0; pass < 2; pass++) {
        for (int t = 0; t < beats; t++) {
          BigInteger last = BigInteger.valueOf(t == beats - 1 ? 1 : 0);
          BigInteger x = pack32(row.x(), t * lanes, lanes);
          BigInteger g = pack32(row.gamma(), t * lanes, lanes);
          if (s.centered()) {
            st.send(x, g, pack32(row.beta(), t * lanes, lanes), last);
          } else {
            st.send(x, g, last);
          }
        }
      }
    }
    return st.expectOutputs(rows.size() * beats).run();
  }

  /**
   * Checks values and cycles: each output beat {@code laneLatency + 1} cycles after its output-pass
   * beat; without bubbles, the output pass's first beat {@code statisticsGap} cycles after the
   * statistics pass's last, and the next row's first beat right after the output pass.
   */
  static void check(
      Testbench tb, NormalizationShape s, List<Row> rows, StreamRun run, boolean backToBack) {
    int lanes = s.lanes();
    int beats = s.beatsPerRow();
    for (int r = 0; r < rows.size(); r++) {
      Row row = rows.get(r);
      int[] y = NormalizationGolden.row(s, row.x(), row.gamma(), row.beta());
      int firstOut = r * 2 * beats + beats;
      if (backToBack) {
        long gap = run.acceptCycle(firstOut) - run.acceptCycle(firstOut - 1);
        if (gap != NormalizationShapes.statisticsGap()) {
          tb.fail(
              "row "
                  + r
                  + ": output pass began "
                  + gap
                  + " cycles after the statistics pass's last beat, expected "
                  + NormalizationShapes.statisticsGap());
        }
        if (r > 0 && run.acceptCycle(r * 2 * beats) - run.acceptCycle(r * 2 * beats - 1) != 1) {
          tb.fail("row " + r + ": statistics pass did not follow the previous output pass at once");
        }
      }
      for (int t = 0; t < beats; t++) {
        int index = r * beats + t;
        BigInteger[] got = run.output(index);
        long latency = run.outputCycle(index) - run.acceptCycle(firstOut + t);
        if (latency != NormalizationShapes.outputLatency(s)) {
          tb.fail(
              "row "
                  + r
                  + " beat "
                  + t
                  + ": latency "
                  + latency
                  + ", expected "
                  + NormalizationShapes.outputLatency(s));
        }
        int lastBit = got[2].intValue();
        if (lastBit != (t == beats - 1 ? 1 : 0)) {
          tb.failAt(run.outputCycle(index), "row " + r + " beat " + t + ": out_last = " + lastBit);
        }
        for (int l = 0; l < lanes; l++) {
          int i = t * lanes + l;
          long gotY = Lanes.element(got[0], l, 32);
          long gotQ = Lanes.element(got[1], l, 8);
          int wantQ =
              io.hardformer.generators.numerics.Fp8Arithmetic.quantize(s.format(), y[i], true);
          if (gotY != Integer.toUnsignedLong(y[i]) || gotQ != wantQ) {
            tb.failAt(
                run.outputCycle(index),
                String.format(
                    "row %d element %d (x 0x%08x): expected y 0x%08x q 0x%02x, got y 0x%08x q 0x%02x",
                    r, i, row.x()[i], y[i], wantQ, gotY, gotQ));
          }
        }
      }
    }
  }
}

package io.hardformer.testbench.activation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.hardformer.dsl.Valid;
import io.hardformer.testbench.Lanes;
import io.hardformer.testbench.Stream;
import io.hardformer.testbench.StreamRun;
import io.hardformer.testbench.Testbench;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Streams FP32 lanes through an elementwise activation unit and checks its cycle contract from the
 * cycle stamps: every output beat exactly {@code latency} cycles after its input was accepted, and
 * (without bubbles) one beat accepted every cycle. in_last on every third beat and the final one.
 */
final class ActivationRun {
  private ActivationRun() {}

  /** FP32 lanes, lane 0 in the low bits. */
  static BigInteger pack32(int[] lanes) {
    BigInteger v = BigInteger.ZERO;
    for (int e = lanes.length - 1; e >= 0; e--) {
      v = v.shiftLeft(32).or(BigInteger.valueOf(Integer.toUnsignedLong(lanes[e])));
    }
    return v;
  }

  static boolean last(int beat, int beats) {
    return beat % 3 == 2 || beat == beats - 1;
  }

  /**
   * {@code ports.get(k)[beat]} are the lanes of data port k. Returns per beat {y lanes, q lanes,
   * out_last}.
   */
  static List<long[][]> run(
      Testbench tb, Valid<?> in, Valid<?> out, List<int[][]> ports, int latency, double bubbles) {
    tb.reset();
    Stream st = tb.stream(in, out).bubbles(bubbles);
    int beats = ports.get(0).length;
    int lanes = ports.get(0)[0].length;
    for (int b = 0; b < beats; b++) {
      BigInteger[] values = new BigInteger[ports.size() + 1];
      for (int k = 0; k < ports.size(); k++) {
        values[k] = pack32(ports.get(k)[b]);
      }
      values[ports.size()] = BigInteger.valueOf(last(b, beats) ? 1 : 0);
      st.send(values);
    }
    StreamRun run = st.run();
    assertEquals(beats, run.outputCount(), "one output beat per input beat");
    run.expectLatency(latency);
    if (bubbles == 0) {
      run.expectInitiationInterval(1);
      assertEquals(beats - 1, run.acceptCycle(beats - 1) - run.acceptCycle(0), "back to back");
    }
    List<long[][]> result = new ArrayList<>();
    for (int b = 0; b < beats; b++) {
      BigInteger[] o = run.output(b);
      long[] y = new long[lanes];
      long[] q = new long[lanes];
      for (int e = 0; e < lanes; e++) {
        y[e] = Lanes.element(o[0], e, 32);
        q[e] = Lanes.element(o[1], e, 8);
      }
      result.add(new long[][] {y, q, {o[2].longValue()}, {run.outputCycle(b)}});
    }
    return result;
  }

  /** The values in beats of {@code lanes}, the last padded with +0. */
  static int[][] beats(List<Integer> values, int lanes) {
    int n = (values.size() + lanes - 1) / lanes;
    int[][] beats = new int[n][lanes];
    for (int i = 0; i < values.size(); i++) {
      beats[i / lanes][i % lanes] = values.get(i);
    }
    return beats;
  }
}

package io.hardformer.generators.activation;

import io.hardformer.generators.catalog.SelfCheckPlan;
import io.hardformer.generators.catalog.SelfCheckPlan.ExpectedBeat;
import io.hardformer.generators.catalog.SelfCheckPlan.ExpectedPort;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * The streamed self-check of an elementwise activation unit: FP32 inputs in beats of L lanes (the
 * last beat padded with +0), {@code in_last} on every {@value #ROW_BEATS}th beat and the final one,
 * and the expected {@code y}, {@code q} and {@code out_last} of every beat.
 */
final class ActivationSelfCheck {
  /** Beats per row of the self-check stream (in_last marks a row's last beat). */
  static final int ROW_BEATS = 4;

  private ActivationSelfCheck() {}

  /** The values in beats of {@code lanes}, the last padded with +0. */
  static int[][] beats(List<Integer> values, int lanes) {
    int n = (values.size() + lanes - 1) / lanes;
    int[][] beats = new int[n][lanes];
    for (int i = 0; i < values.size(); i++) {
      beats[i / lanes][i % lanes] = values.get(i);
    }
    return beats;
  }

  static boolean last(int beat, int beats) {
    return beat % ROW_BEATS == ROW_BEATS - 1 || beat == beats - 1;
  }

  /** FP32 lanes as one port value, lane 0 in the low bits. */
  static BigInteger pack32(int[] lanes) {
    BigInteger v = BigInteger.ZERO;
    for (int e = lanes.length - 1; e >= 0; e--) {
      v = v.shiftLeft(32).or(BigInteger.valueOf(Integer.toUnsignedLong(lanes[e])));
    }
    return v;
  }

  /**
   * {@code data.get(k)[beat]} are the lanes of source data port k; {@code y}, {@code q} the
   * expected lanes per beat.
   */
  static SelfCheckPlan plan(
      List<String> sourcePorts,
      List<int[][]> data,
      List<long[]> y,
      List<long[]> q,
      String summary) {
    int n = data.get(0).length;
    List<BigInteger[]> beats = new ArrayList<>();
    List<ExpectedBeat> expected = new ArrayList<>();
    for (int b = 0; b < n; b++) {
      BigInteger[] beat = new BigInteger[data.size() + 1];
      for (int k = 0; k < data.size(); k++) {
        beat[k] = pack32(data.get(k)[b]);
      }
      int last = last(b, n) ? 1 : 0;
      beat[data.size()] = BigInteger.valueOf(last);
      beats.add(beat);
      expected.add(
          new ExpectedBeat(
              List.of(
                  new ExpectedPort("beat " + b + " y", 32, y.get(b)),
                  new ExpectedPort("beat " + b + " q", 8, q.get(b)),
                  new ExpectedPort("beat " + b + " out_last", 0, last))));
    }
    return new SelfCheckPlan.Streamed(
        sourcePorts, List.of("out_valid", "y", "q", "out_last"), beats, expected, summary);
  }
}

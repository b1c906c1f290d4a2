package io.hardformer.testbench.rope;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.hardformer.generators.numerics.Fp8Format;
import io.hardformer.generators.rope.RopeGolden;
import io.hardformer.generators.rope.RopeShape;
import io.hardformer.generators.rope.RopeUnit;
import io.hardformer.testbench.Lanes;
import io.hardformer.testbench.StreamRun;
import io.hardformer.testbench.Testbench;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The {@code rope} unit in Verilator, y and q bit-exact against {@link RopeGolden}: rows of corners
 * (zeros, subnormals, max normals, NaN, Inf, ones) paired with each other and with random values,
 * at position 0, the max position and random positions; random model-like and random-bit rows; the
 * cycle contract measured from the cycle stamps (second-half beat to its first-half output =
 * latency, the drained second-half outputs one a cycle after the row's last beat, II 1 back to
 * back) and the same results with input bubbles. Shapes: the Llama-3 head (128, 4 lanes), the
 * largest head dim with the most lanes (1024, 64 lanes, positions up to 2^24), lanes 1 with H = 3
 * (not a power of two) in E5M2, and D = 2.
 */
@Tag("verilator")
class RopeUnitTest {
  private static final int[] CORNERS = {
    0,
    0x80000000,
    1,
    0x80000001,
    0x007FFFFF,
    0x807FFFFF,
    0x00800000,
    0x7F7FFFFF,
    0xFF7FFFFF,
    0x7F800000,
    0xFF800000,
    0x7FC00000,
    0xFFC00001,
    0x7F800001,
    0x3F800000,
    0xBF800000,
    0x43700000
  };

  static Stream<Arguments> configs() {
    return Stream.of(
        Arguments.of(new RopeShape(128, 500_000, 8192, 4, Fp8Format.E4M3), 320),
        Arguments.of(new RopeShape(1024, 500_000, 1 << 24, 64, Fp8Format.E4M3), 12),
        Arguments.of(new RopeShape(6, 10_000, 100, 1, Fp8Format.E5M2), 400),
        Arguments.of(new RopeShape(2, 2, 1, 1, Fp8Format.E4M3), 200));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("configs")
  void bitExactAndOnTime(RopeShape s, int randomRows) {
    Random r = new Random(s.headDim() * 31L + s.lanes());
    int d = s.headDim();
    List<int[]> rows = new ArrayList<>();
    List<Integer> positions = new ArrayList<>();
    int[] edgePositions = {0, s.maxPosition(), 1, s.maxPosition() - 1};
    for (int a = 0; a < CORNERS.length; a++) {
      int[] x = new int[d];
      for (int i = 0; i < d; i++) {
        x[i] = (i + a) % 3 == 0 ? CORNERS[(a + i) % CORNERS.length] : randomValue(r);
      }
      x[0] = CORNERS[a];
      x[d / 2] = CORNERS[(a * 7 + 3) % CORNERS.length]; // corner x corner on pair 0
      rows.add(x);
      positions.add(edgePositions[a % edgePositions.length]);
    }
    for (int t = 0; t < randomRows; t++) {
      int[] x = new int[d];
      boolean bits = t % 4 == 3;
      for (int i = 0; i < d; i++) {
        x[i] = bits ? randomFinite(r) : randomValue(r);
      }
      rows.add(x);
      positions.add(t % 5 == 0 ? edgePositions[t % 4] : r.nextInt(s.maxPosition() + 1));
    }
    RopeUnit dut = new RopeUnit(s);
    try (Testbench tb = Testbench.of(dut)) {
      tb.reset();
      assertEquals(s.latency(), tb.design().design().top().body().timing().latency());
      for (double bubbles : new double[] {0, 0.3}) {
        io.hardformer.testbench.Stream st = tb.stream(dut.in, dut.out).bubbles(bubbles);
        for (int t = 0; t < rows.size(); t++) {
          int[] x = rows.get(t);
          for (int b = 0; b < 2 * s.beatsPerHalf(); b++) {
            st.send(pack(x, b * s.lanes(), s.lanes()), BigInteger.valueOf(positions.get(t)));
          }
        }
        StreamRun run = st.run();
        check(tb, s, rows, positions, run, bubbles == 0);
      }
    }
  }

  private static void check(
      Testbench tb,
      RopeShape s,
      List<int[]> rows,
      List<Integer> positions,
      StreamRun run,
      boolean backToBack) {
    int h = s.beatsPerHalf();
    int lanes = s.lanes();
    assertEquals(rows.size() * 2 * h, run.outputCount(), "one output beat per input beat");
    for (int t = 0; t < rows.size(); t++) {
      int[] want = RopeGolden.row(s, rows.get(t), positions.get(t));
      long lastBeat = run.acceptCycle(t * 2 * h + 2 * h - 1);
      for (int b = 0; b < 2 * h; b++) {
        int k = t * 2 * h + b;
        long expectCycle =
            b < h
                ? run.acceptCycle(t * 2 * h + h + b) + s.latency()
                : lastBeat + 1 + (b - h) + s.latency();
        if (run.outputCycle(k) != expectCycle) {
          tb.failAt(
              run.outputCycle(k),
              String.format(
                  "row %d beat %d out in cycle %d, expected %d",
                  t, b, run.outputCycle(k), expectCycle));
        }
        BigInteger[] got = run.output(k);
        assertEquals(b == 2 * h - 1, got[2].testBit(0), "out_last of row " + t + " beat " + b);
        for (int l = 0; l < lanes; l++) {
          int e = b * lanes + l;
          int y = (int) Lanes.element(got[0], l, 32);
          int q = (int) Lanes.element(got[1], l, 8);
          if (y != want[e] || q != RopeGolden.q(s, want[e])) {
            int pair = e % (s.headDim() / 2);
            tb.failAt(
                run.outputCycle(k),
                String.format(
                    "row %d position %d element %d (x_i 0x%08x, x_{i+D/2} 0x%08x): y want 0x%08x"
                        + " got 0x%08x, q want 0x%02x got 0x%02x",
                    t,
                    positions.get(t),
                    e,
                    rows.get(t)[pair],
                    rows.get(t)[pair + s.headDim() / 2],
                    want[e],
                    y,
                    RopeGolden.q(s, want[e]),
                    q));
          }
        }
      }
    }
    if (backToBack) {
      assertEquals(1, run.measuredInitiationInterval(), "II back to back");
      long cycles = run.outputCycle(run.outputCount() - 1) - run.acceptCycle(0) + 1;
      assertEquals(s.cyclesBackToBack(rows.size()), cycles, "cycles of the rows back to back");
    }
  }

  private static BigInteger pack(int[] x, int from, int lanes) {
    BigInteger w = BigInteger.ZERO;
    for (int l = lanes - 1; l >= 0; l--) {
      w = w.shiftLeft(32).or(BigInteger.valueOf(Integer.toUnsignedLong(x[from + l])));
    }
    return w;
  }

  /** Model-like: a Gaussian of scale 2^-4..2^4. */
  private static int randomValue(Random r) {
    return Float.floatToRawIntBits((float) (r.nextGaussian() * Math.scalb(1.0, r.nextInt(9) - 4)));
  }

  /** Any finite FP32 code, subnormals included. */
  private static int randomFinite(Random r) {
    int x;
    do {
      x = r.nextInt();
    } while (((x >>> 23) & 0xFF) == 0xFF);
    return x;
  }
}

package io.hardformer.testbench.vector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hardformer.generators.numerics.Fp8Format;
import io.hardformer.generators.vector.VectorGenerator;
import io.hardformer.generators.vector.VectorGolden;
import io.hardformer.generators.vector.VectorShape;
import io.hardformer.generators.vector.VectorUnit;
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
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The vector unit in Verilator, bit-exact on y, q and out_last against {@link VectorGolden}: every
 * pair of FP32 corner values at the scale ends, then random lanes; the cycle contract measured from
 * cycle stamps back to back (latency and II 1) and with input bubbles.
 */
@Tag("verilator")
class VectorUnitTest {
  private static final int[] CORNERS = {
    0x00000000, 0x80000000, 0x00000001, 0x80000001, 0x007FFFFF, 0x807FFFFF, 0x00800000,
    0x80800000, 0x7F7FFFFF, 0xFF7FFFFF, 0x7F800000, 0xFF800000, 0x7FC00000, 0xFFC00001,
    0x3F800000, 0xBF800000, 0x3F800001, 0x33800000, 0x7F000000, 0x00400001
  };

  private static final int[] SCALES = {-128, -24, -1, 0, 1, 24, 127};

  /** One beat's lanes and the golden results. */
  private record Beat(int[] a, int[] b, int[] s, int qexp, boolean last) {}

  @ParameterizedTest(name = "lanes={0} {1}")
  @CsvSource({"4, E4M3", "1, E5M2"})
  void isBitExactAndKeepsItsCycleContract(int lanes, Fp8Format f) {
    VectorShape shape = new VectorShape(lanes, f);
    List<Beat> beats = new ArrayList<>();
    List<int[]> lanesIn = new ArrayList<>(); // a, s, b, qexp per lane
    for (int a : CORNERS) {
      for (int b : CORNERS) {
        for (int s : SCALES) {
          lanesIn.add(new int[] {a, s, b, s == 0 ? 0 : -s / 4});
        }
      }
    }
    Random r = new Random(lanes * 31 + f.ordinal());
    int random = 40_000 - lanesIn.size();
    for (int i = 0; i < random; i++) {
      int a = r.nextInt(4) == 0 ? CORNERS[r.nextInt(CORNERS.length)] : gaussian(r);
      int b = r.nextInt(3) == 0 ? r.nextInt() : gaussian(r);
      int s = r.nextInt(4) == 0 ? r.nextInt(256) - 128 : r.nextInt(9) - 4;
      lanesIn.add(new int[] {a, s, b, r.nextInt(5) == 0 ? r.nextInt(256) - 128 : r.nextInt(9) - 4});
    }
    for (int k = 0; k + lanes <= lanesIn.size(); k += lanes) {
      int[] a = new int[lanes];
      int[] b = new int[lanes];
      int[] s = new int[lanes];
      for (int e = 0; e < lanes; e++) {
        a[e] = lanesIn.get(k + e)[0];
        s[e] = lanesIn.get(k + e)[1];
        b[e] = lanesIn.get(k + e)[2];
      }
      beats.add(new Beat(a, b, s, lanesIn.get(k)[3], r.nextInt(5) == 0));
    }
    try (Testbench tb = Testbench.of(new VectorUnit(shape))) {
      tb.reset();
      StreamRun backToBack =
          send(tb, beats, 0).expectLatency(VectorUnit.LATENCY).expectInitiationInterval(1);
      check(tb, shape, beats, backToBack);
      StreamRun bubbles = send(tb, beats.subList(0, 2000), 0.4).expectLatency(VectorUnit.LATENCY);
      assertTrue(
          bubbles.acceptCycle(1999) - bubbles.acceptCycle(0) > 2500, "bubbles spread the beats");
      check(tb, shape, beats.subList(0, 2000), bubbles);
    }
  }

  private static int gaussian(Random r) {
    return Float.floatToRawIntBits(
        (float) (r.nextGaussian() * Math.scalb(1.0, r.nextInt(40) - 20)));
  }

  private static StreamRun send(Testbench tb, List<Beat> beats, double bubbles) {
    Stream st =
        tb.stream()
            .source("in_valid", "in_ready", "a", "b", "scale_exp", "qexp", "in_last")
            .sink("out_valid", null, "y", "q", "out_last")
            .bubbles(bubbles);
    for (Beat b : beats) {
      st.send(
          VectorGenerator.pack(b.a(), 32),
          VectorGenerator.pack(b.b(), 32),
          VectorGenerator.pack(b.s(), 8),
          BigInteger.valueOf(b.qexp() & 0xFF),
          BigInteger.valueOf(b.last() ? 1 : 0));
    }
    return st.run();
  }

  private static void check(Testbench tb, VectorShape shape, List<Beat> beats, StreamRun run) {
    assertEquals(beats.size(), run.outputCount(), "one output beat per input beat");
    for (int t = 0; t < beats.size(); t++) {
      Beat b = beats.get(t);
      BigInteger[] out = run.output(t);
      for (int e = 0; e < shape.lanes(); e++) {
        int y = VectorGolden.y(b.a()[e], b.s()[e], b.b()[e]);
        int q = VectorGolden.q(shape, y, b.qexp());
        long gotY = Lanes.element(out[0], e, 32);
        long gotQ = Lanes.element(out[1], e, 8);
        if (gotY != Integer.toUnsignedLong(y) || gotQ != q) {
          tb.failAt(
              run.outputCycle(t),
              String.format(
                  "beat %d lane %d: a=0x%08x s=%d b=0x%08x qexp=%d: expected y=0x%08x q=0x%02x, got"
                      + " y=0x%08x q=0x%02x",
                  t, e, b.a()[e], b.s()[e], b.b()[e], b.qexp(), y, q, gotY, gotQ));
        }
      }
      if (out[2].intValue() != (b.last() ? 1 : 0)) {
        tb.failAt(
            run.outputCycle(t), "beat " + t + ": out_last " + out[2] + ", in_last " + b.last());
      }
    }
  }
}

package io.hardformer.testbench.activation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hardformer.generators.activation.ActivationStimulus;
import io.hardformer.generators.activation.GatingFunction;
import io.hardformer.generators.activation.SwigluAccuracy;
import io.hardformer.generators.activation.SwigluGolden;
import io.hardformer.generators.activation.SwigluShape;
import io.hardformer.generators.activation.SwigluUnit;
import io.hardformer.generators.numerics.Fp8Format;
import io.hardformer.testbench.Testbench;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The {@code swiglu} unit in Verilator: y and q bit-exact against {@link SwigluGolden} on every
 * corner as gate (with random up, and with up = 1 so FP8 ties reach q) and as up, corner x corner
 * for the specials, and 24,000 random pairs; the accuracy bound enforced on the RTL's y; the cycle
 * contract (latency, initiation interval 1) measured back to back and with input bubbles. Both
 * lane-count ends (1 and 8) and both formats.
 */
@Tag("verilator")
class SwigluTest {
  static Stream<Arguments> configs() {
    return Stream.of(
        Arguments.of(4, Fp8Format.E4M3, 24_000),
        Arguments.of(1, Fp8Format.E5M2, 6_000),
        Arguments.of(8, Fp8Format.E4M3, 8_000));
  }

  @ParameterizedTest(name = "lanes={0} {1}")
  @MethodSource("configs")
  void bitExactAccurateAndOnTime(int lanes, Fp8Format format, int randoms) {
    SwigluShape s = new SwigluShape(lanes, format);
    GatingFunction sigmoid = GatingFunction.SIGMOID;
    List<Integer> corners = ActivationStimulus.corners(sigmoid, format);
    List<Integer> gate = new ArrayList<>();
    List<Integer> up = new ArrayList<>();
    Random r = new Random(lanes * 37L + format.ordinal());
    for (int c : corners) {
      gate.add(c);
      up.add(ActivationStimulus.random(sigmoid, r));
      gate.add(ActivationStimulus.random(sigmoid, r));
      up.add(c);
      gate.add(c);
      up.add(0x3F800000);
    }
    int[] specials = {0, 0x80000000, 0x00000001, 0x7F7FFFFF, 0xFF800000, 0x7F800000, 0x7FC00000};
    for (int a : specials) {
      for (int b : specials) {
        gate.add(a);
        up.add(b);
      }
    }
    for (int i = 0; i < 4; i++) { // RNE ties in the product: gate >= 16 is exact, up = 1.5
      gate.add(Float.floatToRawIntBits(16f) + 2 * i + 1);
      up.add(Float.floatToRawIntBits(1.5f));
    }
    for (int i = 0; i < randoms; i++) {
      gate.add(ActivationStimulus.random(sigmoid, r));
      up.add(ActivationStimulus.random(sigmoid, r));
    }
    int[][] gates = ActivationRun.beats(gate, lanes);
    int[][] ups = ActivationRun.beats(up, lanes);
    SwigluUnit dut = new SwigluUnit(s);
    try (Testbench tb = Testbench.of(dut)) {
      double worst = 0;
      for (double bubbles : new double[] {0, 0.3}) {
        List<long[][]> out =
            ActivationRun.run(tb, dut.in, dut.out, List.of(gates, ups), s.latency(), bubbles);
        for (int b = 0; b < gates.length; b++) {
          long[][] o = out.get(b);
          assertEquals(
              ActivationRun.last(b, gates.length) ? 1 : 0, o[2][0], "out_last of beat " + b);
          for (int e = 0; e < lanes; e++) {
            int g = gates[b][e];
            int u = ups[b][e];
            long y = Integer.toUnsignedLong(SwigluGolden.y(s, g, u));
            long q = SwigluGolden.q(s, g, u);
            if (o[0][e] != y || o[1][e] != q) {
              tb.failAt(
                  o[3][0],
                  String.format(
                      "swiglu(gate 0x%08x = %s, up 0x%08x = %s) lane %d: expected y 0x%08x q 0x%02x,"
                          + " got y 0x%08x q 0x%02x",
                      g,
                      Float.intBitsToFloat(g),
                      u,
                      Float.intBitsToFloat(u),
                      e,
                      y,
                      q,
                      o[0][e],
                      o[1][e]));
            }
            if (((g >>> 23) & 0xFF) != 0xFF && ((u >>> 23) & 0xFF) != 0xFF) {
              worst = Math.max(worst, SwigluAccuracy.errorFraction(g, u, (int) o[0][e]));
            }
          }
        }
      }
      assertTrue(worst <= 1, "RTL y beyond the accuracy bound: " + worst);
    }
  }
}

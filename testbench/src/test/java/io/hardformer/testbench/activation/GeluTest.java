package io.hardformer.testbench.activation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hardformer.generators.activation.ActivationStimulus;
import io.hardformer.generators.activation.GatingFunction;
import io.hardformer.generators.activation.GeluAccuracy;
import io.hardformer.generators.activation.GeluGolden;
import io.hardformer.generators.activation.GeluShape;
import io.hardformer.generators.activation.GeluUnit;
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
 * The {@code gelu} unit in Verilator: y and q bit-exact against {@link GeluGolden} on every corner
 * (zeros, subnormals, max normals, NaN, Inf, range ends, segment boundaries, FP8 ties) and 24,000
 * random inputs, the accuracy bound enforced on the RTL's y, and the cycle contract (latency,
 * initiation interval 1) measured from the cycle stamps back to back and with input bubbles. Both
 * lane-count ends (1 and 8) and both formats.
 */
@Tag("verilator")
class GeluTest {
  static Stream<Arguments> configs() {
    return Stream.of(
        Arguments.of(4, Fp8Format.E4M3, 24_000),
        Arguments.of(1, Fp8Format.E5M2, 6_000),
        Arguments.of(8, Fp8Format.E4M3, 8_000));
  }

  @ParameterizedTest(name = "lanes={0} {1}")
  @MethodSource("configs")
  void bitExactAccurateAndOnTime(int lanes, Fp8Format format, int randoms) {
    GeluShape s = new GeluShape(lanes, format);
    GatingFunction phi = GatingFunction.GAUSSIAN_CDF;
    List<Integer> x = new ArrayList<>(ActivationStimulus.corners(phi, format));
    Random r = new Random(lanes * 31L + format.ordinal());
    for (int i = 0; i < randoms; i++) {
      x.add(ActivationStimulus.random(phi, r));
    }
    int[][] beats = ActivationRun.beats(x, lanes);
    GeluUnit dut = new GeluUnit(s);
    try (Testbench tb = Testbench.of(dut)) {
      double worst = 0;
      for (double bubbles : new double[] {0, 0.3}) {
        List<long[][]> out =
            ActivationRun.run(tb, dut.in, dut.out, List.<int[][]>of(beats), s.latency(), bubbles);
        for (int b = 0; b < beats.length; b++) {
          long[][] o = out.get(b);
          assertEquals(
              ActivationRun.last(b, beats.length) ? 1 : 0, o[2][0], "out_last of beat " + b);
          for (int e = 0; e < lanes; e++) {
            int in = beats[b][e];
            long y = Integer.toUnsignedLong(GeluGolden.y(s, in));
            long q = GeluGolden.q(s, in);
            if (o[0][e] != y || o[1][e] != q) {
              tb.failAt(
                  o[3][0],
                  String.format(
                      "gelu(0x%08x = %s) lane %d: expected y 0x%08x q 0x%02x, got y 0x%08x q 0x%02x",
                      in, Float.intBitsToFloat(in), e, y, q, o[0][e], o[1][e]));
            }
            if (((in >>> 23) & 0xFF) != 0xFF) {
              worst = Math.max(worst, GeluAccuracy.errorFraction(in, (int) o[0][e]));
            }
          }
        }
      }
      assertTrue(worst <= 1, "RTL y beyond the accuracy bound: " + worst);
    }
  }
}

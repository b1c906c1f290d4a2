package io.hardformer.generators.activation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hardformer.generators.catalog.BadParameterException;
import io.hardformer.generators.numerics.Fp8Format;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The {@code swiglu} golden model: the sigmoid table's gate error budget, the accuracy contract
 * ({@link SwigluAccuracy}) on every corner pair and 3 million random pairs, both roundings against
 * an independent double computation, and the IEEE specials.
 */
class SwigluAccuracyTest {
  static final SwigluShape SHAPE = new SwigluShape(4, Fp8Format.E4M3);
  static final GatingFunction SIGMOID = GatingFunction.SIGMOID;

  @Test
  void gateErrorIsWithinTheBudget() {
    double worst = 0;
    double worstFit = 0;
    for (int segment = 0; segment < SIGMOID.segments() + 8; segment++) {
      for (int k = 0; k <= 512; k++) {
        double x = (segment + k / 512.0) * Math.scalb(1.0, -SIGMOID.segmentBits());
        for (float v : new float[] {(float) x, -(float) x}) {
          int bits = Float.floatToRawIntBits(v);
          double g = Math.scalb((double) GatedProductGolden.gate(SIGMOID, bits), -28);
          worst = Math.max(worst, Math.abs(g - SIGMOID.value(v)));
        }
        long u = (long) Math.floor(Math.scalb(x, 24));
        if (u < 1L << SIGMOID.uBits()) {
          double p = Math.scalb((double) GatedProductGolden.polynomial(SIGMOID, u), -28);
          worstFit = Math.max(worstFit, Math.abs(p - SIGMOID.value(Math.scalb((double) u, -24))));
        }
      }
    }
    System.err.printf(
        "swiglu: sigmoid table error 2^%.2f, gate error 2^%.2f%n",
        Math.log(worstFit) / Math.log(2), Math.log(worst) / Math.log(2));
    assertTrue(worstFit < Math.pow(2, SwigluAccuracy.FIT_LOG2), "table error " + worstFit);
    assertTrue(worst < Math.scalb(1.0, -22) * Math.pow(2, -0.2), "gate error " + worst);
  }

  @Test
  void everyCornerPairAndThreeMillionRandomPairsMeetTheBound() {
    Random r = new Random(1515);
    List<Integer> corners = ActivationStimulus.corners(SIGMOID, Fp8Format.E4M3);
    double worst = 0;
    double worstNormal = 0; // away from the flush and overflow thresholds
    String worstCase = "";
    int n = 0;
    int total = corners.size() * corners.size() + 3_000_000;
    for (int i = 0; i < total; i++) {
      int gate;
      int up;
      if (i < corners.size() * corners.size()) {
        gate = corners.get(i / corners.size());
        up = corners.get(i % corners.size());
      } else if (i % 3 == 0) {
        gate = Float.floatToRawIntBits((float) ((r.nextDouble() * 2 - 1) * 20));
        up = Float.floatToRawIntBits((float) r.nextGaussian());
      } else {
        gate = ActivationStimulus.random(SIGMOID, r);
        up = ActivationStimulus.random(SIGMOID, r);
      }
      if (!GeluAccuracyTest.finite(gate) || !GeluAccuracyTest.finite(up)) {
        continue;
      }
      double e = SwigluAccuracy.errorFraction(gate, up, SwigluGolden.y(SHAPE, gate, up));
      double ref = SwigluAccuracy.reference(Float.intBitsToFloat(gate), Float.intBitsToFloat(up));
      if (Math.abs(ref) > 0x1p-100 && Math.abs(ref) < 0x1p120) {
        worstNormal = Math.max(worstNormal, e);
      }
      if (e > worst) {
        worst = e;
        worstCase =
            String.format("gate %s up %s", Float.intBitsToFloat(gate), Float.intBitsToFloat(up));
      }
      n++;
    }
    System.err.printf(
        "swiglu: %d pairs, worst error %.3f of the bound at %s; %.3f where 2^-100 < |y_ref| < 2^120%n",
        n, worst, worstCase, worstNormal);
    assertTrue(n > 2_500_000);
    assertTrue(worst <= 1, worstCase + ": " + worst + " of the bound");
  }

  /**
   * Both roundings against double: s = (float) (gate g), y = (float) (s up), in the normal range.
   */
  @Test
  void roundingMatchesAnIndependentDoubleComputation() {
    Random r = new Random(8);
    int checked = 0;
    for (int i = 0; i < 1_000_000; i++) {
      int gate = ActivationStimulus.random(SIGMOID, r);
      int up = ActivationStimulus.random(SIGMOID, r);
      if (!GeluAccuracyTest.finite(gate) || !GeluAccuracyTest.finite(up)) {
        continue;
      }
      double gs =
          Float.intBitsToFloat(gate)
              * Math.scalb((double) GatedProductGolden.gate(SIGMOID, gate), -28);
      float s = (float) gs;
      double y = (double) s * Float.intBitsToFloat(up);
      boolean normal =
          Math.abs(gs) >= Math.scalb(1.0, -126)
              && Math.abs(y) >= Math.scalb(1.0, -126)
              && Math.abs(y) <= Float.MAX_VALUE;
      if (normal) {
        assertEquals(
            Float.floatToRawIntBits((float) y),
            SwigluGolden.y(SHAPE, gate, up),
            "gate " + Float.intBitsToFloat(gate) + " up " + Float.intBitsToFloat(up));
        checked++;
      }
    }
    assertTrue(checked > 500_000, "checked " + checked);
  }

  @Test
  void specials() {
    int nan = ExtendedFloat.FP32_NAN;
    int one = 0x3F800000;
    assertEquals(nan, SwigluGolden.y(SHAPE, 0x7FC00000, one));
    assertEquals(nan, SwigluGolden.y(SHAPE, one, 0xFFC00001));
    assertEquals(0x7F800000, SwigluGolden.y(SHAPE, 0x7F800000, one)); // SiLU(+Inf) = +Inf
    assertEquals(0xFF800000, SwigluGolden.y(SHAPE, 0x7F800000, 0xBF800000));
    assertEquals(nan, SwigluGolden.y(SHAPE, 0x7F800000, 0x00000000)); // Inf x 0
    assertEquals(0x80000000, SwigluGolden.y(SHAPE, 0xFF800000, one)); // SiLU(-Inf) = -0
    assertEquals(0x00000000, SwigluGolden.y(SHAPE, 0xFF800000, 0xBF800000));
    assertEquals(nan, SwigluGolden.y(SHAPE, 0xFF800000, 0x7F800000)); // -0 x Inf
    assertEquals(0x7F800000, SwigluGolden.y(SHAPE, one, 0x7F800000)); // SiLU(1) x Inf
    assertEquals(0x80000000, SwigluGolden.y(SHAPE, 0x80000000, one)); // SiLU(-0) = -0
    // overflow: SiLU(2^100) x 2^100 = Inf; q saturates
    int big = Float.floatToRawIntBits(0x1p100f);
    assertEquals(0x7F800000, SwigluGolden.y(SHAPE, big, big));
    assertEquals(0x7E, SwigluGolden.q(SHAPE, big, big));
    // a subnormal up with a huge gate is exact: 2^100 x 2^-140 = 2^-40
    assertEquals(
        Float.floatToRawIntBits(0x1p-40f),
        SwigluGolden.y(SHAPE, big, Float.floatToRawIntBits(0x1p-140f)));
    // a SiLU(gate) below 2^-126 does not flush inside: SiLU(2^-126) x 2^10 ~ 2^-117 (not 0)
    float tiny =
        Float.intBitsToFloat(SwigluGolden.y(SHAPE, 0x00800000, Float.floatToRawIntBits(0x1p10f)));
    assertEquals(0x1p-117f, tiny, Math.ulp(0x1p-117f) * 4);
    // results below 2^-126 flush to zero of their sign
    assertEquals(0x80000000, SwigluGolden.y(SHAPE, 0x00800000, Float.floatToRawIntBits(-0.5f)));
    // |gate| >= 16: SiLU(gate) = gate or -0 exactly
    assertEquals(
        Float.floatToRawIntBits(16f), SwigluGolden.y(SHAPE, Float.floatToRawIntBits(16f), one));
    assertEquals(0x80000000, SwigluGolden.y(SHAPE, Float.floatToRawIntBits(-16f), one));
  }

  @Test
  void lanesOutsideTheRangeAreRejected() {
    assertThrows(BadParameterException.class, () -> new SwigluGenerator.Parameters(0, "e4m3"));
    BadParameterException high =
        assertThrows(BadParameterException.class, () -> new SwigluGenerator.Parameters(9, "e4m3"));
    assertEquals("option '--lanes' must be between 1 and 8, got 9", high.getMessage());
    assertThrows(BadParameterException.class, () -> new SwigluGenerator.Parameters(4, "bf16"));
  }
}

package io.hardformer.generators.activation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hardformer.generators.catalog.BadParameterException;
import io.hardformer.generators.numerics.Fp8Format;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The {@code gelu} golden model: the oracle Phi against published erf values, the table's gate
 * error budget, the accuracy contract ({@link GeluAccuracy}) on every corner and 3 million random
 * FP32 inputs, the rounding against an independent double computation, and the specials.
 */
class GeluAccuracyTest {
  static final GeluShape SHAPE = new GeluShape(4, Fp8Format.E4M3);
  static final GatingFunction PHI = GatingFunction.GAUSSIAN_CDF;

  @Test
  void normalCdfMatchesPublishedErfValues() {
    // erf(1), erf(2), erf(0.5), erfc(3), erfc(5) (Abramowitz and Stegun, table 7.1; DLMF 7.2)
    assertEquals(0.8427007929497149, 2 * NormalCdf.phi(Math.sqrt(2)) - 1, 1e-15);
    assertEquals(0.9953222650189527, 2 * NormalCdf.phi(2 * Math.sqrt(2)) - 1, 1e-15);
    assertEquals(0.5204998778130465, 2 * NormalCdf.phi(0.5 * Math.sqrt(2)) - 1, 1e-15);
    assertEquals(2.209049699858544e-05, 2 * NormalCdf.phi(-3 * Math.sqrt(2)), 1e-19);
    assertEquals(1.537459794428035e-12, 2 * NormalCdf.phi(-5 * Math.sqrt(2)), 1e-25);
    assertEquals(0.5, NormalCdf.phi(0), 0);
    // GELU(1) and GELU(-1), as PyTorch's exact gelu prints them
    assertEquals(0.8413447460685429, GeluAccuracy.reference(1), 3e-16);
    assertEquals(-0.15865525393145707, GeluAccuracy.reference(-1), 3e-16);
  }

  /** |g - Phi(x)| within the budget the bound assumes (2^-23.4), on every segment densely. */
  @Test
  void gateErrorIsWithinTheBudget() {
    double worst = 0;
    double worstFit = 0;
    for (int segment = 0; segment < PHI.segments(); segment++) {
      for (int k = 0; k <= 512; k++) {
        double x = (segment + k / 512.0) * Math.scalb(1.0, -PHI.segmentBits());
        for (float v : new float[] {(float) x, -(float) x}) {
          int bits = Float.floatToRawIntBits(v);
          double g = Math.scalb((double) GatedProductGolden.gate(PHI, bits), -28);
          worst = Math.max(worst, Math.abs(g - NormalCdf.phi(v)));
        }
        long u = (long) Math.floor(Math.scalb(x, 24));
        if (u < 1L << PHI.uBits()) {
          double p = Math.scalb((double) GatedProductGolden.polynomial(PHI, u), -28);
          worstFit = Math.max(worstFit, Math.abs(p - NormalCdf.phi(Math.scalb((double) u, -24))));
        }
      }
    }
    System.err.printf(
        "gelu: table error 2^%.2f, gate error 2^%.2f%n",
        Math.log(worstFit) / Math.log(2), Math.log(worst) / Math.log(2));
    assertTrue(
        worstFit < Math.pow(2, GeluAccuracy.FIT_LOG2), "table at its own nodes: " + worstFit);
    assertTrue(worst < Math.scalb(1.0, -23) * Math.pow(2, -0.4), "gate error " + worst);
  }

  @Test
  void everyCornerAndThreeMillionRandomInputsMeetTheBound() {
    Random r = new Random(1414);
    double worstNormal = 0; // away from the flush threshold
    double worst = 0;
    int worstX = 0;
    int n = 0;
    for (int x : ActivationStimulus.corners(PHI, Fp8Format.E4M3)) {
      if (finite(x)) {
        double e = GeluAccuracy.errorFraction(x, GeluGolden.y(SHAPE, x));
        if (e > worst) {
          worst = e;
          worstX = x;
        }
        n++;
      }
    }
    for (int i = 0; i < 3_000_000; i++) {
      int x =
          i % 3 == 0
              ? Float.floatToRawIntBits((float) ((r.nextDouble() * 2 - 1) * 10))
              : ActivationStimulus.random(PHI, r);
      if (!finite(x)) {
        continue;
      }
      double e = GeluAccuracy.errorFraction(x, GeluGolden.y(SHAPE, x));
      if (e > worst) {
        worst = e;
        worstX = x;
      }
      if (Math.abs(GeluAccuracy.reference(Float.intBitsToFloat(x))) > 0x1p-100) {
        worstNormal = Math.max(worstNormal, e);
      }
      n++;
    }
    System.err.printf(
        "gelu: %d inputs, worst error %.3f of the bound at x = %s; %.3f where |y_ref| > 2^-100%n",
        n, worst, Float.intBitsToFloat(worstX), worstNormal);
    assertTrue(n > 2_500_000);
    assertTrue(
        worst <= 1,
        String.format(
            "worst x = %s (0x%08x): %.3f of the bound",
            Float.intBitsToFloat(worstX), worstX, worst));
  }

  /** y is exactly RNE(x g) (the product of a 24- and a 29-bit integer is exact in double). */
  @Test
  void roundingMatchesAnIndependentDoubleProduct() {
    Random r = new Random(7);
    for (int i = 0; i < 1_000_000; i++) {
      int x = ActivationStimulus.random(PHI, r);
      if (!finite(x)) {
        continue;
      }
      double exact =
          Float.intBitsToFloat(x) * Math.scalb((double) GatedProductGolden.gate(PHI, x), -28);
      float expected = (float) exact;
      if (Math.abs(exact) >= Math.scalb(1.0, -126) || exact == 0) {
        assertEquals(
            Float.floatToRawIntBits(expected) | (x & 0x80000000),
            GeluGolden.y(SHAPE, x) | (x & 0x80000000),
            "x = " + Float.intBitsToFloat(x));
      }
    }
  }

  @Test
  void specialsAndRangeEnds() {
    assertEquals(ExtendedFloat.FP32_NAN, GeluGolden.y(SHAPE, 0x7FC00000));
    assertEquals(ExtendedFloat.FP32_NAN, GeluGolden.y(SHAPE, 0xFFC00001));
    assertEquals(ExtendedFloat.FP32_NAN, GeluGolden.y(SHAPE, 0x7F800001));
    assertEquals(0x7F800000, GeluGolden.y(SHAPE, 0x7F800000)); // +Inf
    assertEquals(0x80000000, GeluGolden.y(SHAPE, 0xFF800000)); // -Inf: -0
    assertEquals(0x00000000, GeluGolden.y(SHAPE, 0x00000000));
    assertEquals(0x80000000, GeluGolden.y(SHAPE, 0x80000000));
    assertEquals(0x00000000, GeluGolden.y(SHAPE, 0x007FFFFF)); // subnormal: x/2 flushes
    assertEquals(0x80000000, GeluGolden.y(SHAPE, 0x80000001));
    // the smallest normal: y = x/2 is subnormal and flushes; 2^-125 gives 2^-126 exactly
    assertEquals(0x00000000, GeluGolden.y(SHAPE, 0x00800000));
    assertEquals(0x00800000, GeluGolden.y(SHAPE, 0x01000000));
    // |x| >= 8: y = x or -0 exactly
    for (float x : new float[] {8, 8.000001f, 100, 3.4e38f}) {
      assertEquals(Float.floatToRawIntBits(x), GeluGolden.y(SHAPE, Float.floatToRawIntBits(x)));
      assertEquals(0x80000000, GeluGolden.y(SHAPE, Float.floatToRawIntBits(-x)));
    }
    assertEquals(0x7E, GeluGolden.q(SHAPE, 0x7F800000)); // +Inf saturates to max normal
    assertEquals(0x7F, GeluGolden.q(SHAPE, 0x7FC00000)); // NaN
    assertEquals(0x7B, GeluGolden.q(new GeluShape(1, Fp8Format.E5M2), 0x7F7FFFFF));
    // q of an FP8 tie above the range rounds to even: 8.5 between 8 (0x50) and 9 (0x51) -> 8
    assertEquals(0x50, GeluGolden.q(SHAPE, Float.floatToRawIntBits(8.5f)));
    assertEquals(0x52, GeluGolden.q(SHAPE, Float.floatToRawIntBits(9.5f)));
  }

  @Test
  void lanesOutsideTheRangeAreRejected() {
    BadParameterException low =
        assertThrows(BadParameterException.class, () -> new GeluGenerator.Parameters(0, "e4m3"));
    assertEquals("option '--lanes' must be between 1 and 8, got 0", low.getMessage());
    assertThrows(BadParameterException.class, () -> new GeluGenerator.Parameters(9, "e4m3"));
    assertThrows(BadParameterException.class, () -> new GeluGenerator.Parameters(4, "e3m4"));
    assertEquals(8, new GeluGenerator.Parameters(8, "E5M2").shape().lanes());
  }

  static boolean finite(int x) {
    return ((x >>> 23) & 0xFF) != 0xFF;
  }
}

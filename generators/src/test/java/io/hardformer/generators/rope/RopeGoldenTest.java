package io.hardformer.generators.rope;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.hardformer.generators.catalog.BadParameterException;
import io.hardformer.generators.numerics.Fp8Format;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link RopeGolden} against double precision: sin and cos of the phase, the HF Llama rotation at D
 * = 64 and 128 (theta 500,000 and 10,000), positions 0, 1, the max and random, with the bound of
 * {@link RopeAccuracy} enforced and reported.
 */
class RopeGoldenTest {
  static double[] reference(RopeShape s, int[] x, int pos) {
    int half = s.pairs();
    double[] y = new double[x.length];
    for (int i = 0; i < half; i++) {
      double a = pos * StrictMath.pow(s.theta(), -2.0 * i / s.headDim());
      double c = Math.cos(a);
      double sn = Math.sin(a);
      double lo = Float.intBitsToFloat(x[i]);
      double hi = Float.intBitsToFloat(x[i + half]);
      y[i] = lo * c - hi * sn;
      y[i + half] = hi * c + lo * sn;
    }
    return y;
  }

  @Test
  void sinAndCosOfEveryPhaseAreWithin2ToTheMinus24() {
    Random r = new Random(15);
    double worst = 0;
    for (int n = 0; n < 2_000_000; n++) {
      long phase = n < 1 << 16 ? (long) n << 16 | (n & 0xFFFF) : r.nextInt() & 0xFFFFFFFFL;
      long[] sc = RopeGolden.sinCos(phase);
      double t = 2 * Math.PI * phase / 4294967296.0;
      worst = Math.max(worst, Math.abs(Math.scalb((double) sc[0], -30) - Math.sin(t)));
      worst = Math.max(worst, Math.abs(Math.scalb((double) sc[1], -30) - Math.cos(t)));
    }
    assertTrue(
        worst < Math.scalb(1.0, -24), "worst sin/cos error 2^" + Math.log(worst) / Math.log(2));
  }

  @ParameterizedTest(name = "D={0} theta={1} P={2}")
  @CsvSource({"64, 500000, 8192", "128, 500000, 8192", "128, 10000, 16777216", "2, 2, 1"})
  void rotationIsWithinTheBoundAtEveryPositionEnd(int d, int theta, int maxPos) {
    RopeShape s = new RopeShape(d, theta, maxPos, 1, Fp8Format.E4M3);
    Random r = new Random(d + theta);
    double worstRatio = 0;
    for (int row = 0; row < 3000; row++) {
      int pos =
          switch (row % 4) {
            case 0 -> 0;
            case 1 -> Math.min(1, maxPos);
            case 2 -> maxPos;
            default -> r.nextInt(maxPos + 1);
          };
      int[] x = new int[d];
      int scale = r.nextInt(60) - 30;
      double max = 0;
      for (int i = 0; i < d; i++) {
        float v =
            (float) (r.nextGaussian() * Math.scalb(1.0, scale + (r.nextInt(8) == 0 ? -20 : 0)));
        x[i] = Float.floatToRawIntBits(v);
        max = Math.max(max, Math.abs(v));
      }
      int[] y = RopeGolden.row(s, x, pos);
      double[] ref = reference(s, x, pos);
      for (int i = 0; i < d; i++) {
        double err = Math.abs(Float.intBitsToFloat(y[i]) - ref[i]);
        double allowed = RopeAccuracy.allowedError(max, ref[i]);
        worstRatio = Math.max(worstRatio, err / allowed);
        if (err > allowed) {
          fail(
              String.format(
                  "D=%d pos=%d element %d: error %g > allowed %g", d, pos, i, err, allowed));
        }
      }
    }
    assertTrue(worstRatio < 1, "worst " + worstRatio);
  }

  @Test
  void positionZeroIsTheIdentityAndSpecialsAreNaN() {
    RopeShape s = new RopeShape(8, 500000, 8192, 4, Fp8Format.E4M3);
    int[] x = {
      0x3F800000, 0xC0000000, 0x00000001, 0x7F7FFFFF, 0x80800000, 0x3EAAAAAB, 0, 0x12345678
    };
    int[] y = RopeGolden.row(s, x, 0);
    assertArrayEquals(x, y, "cos 0 = 1 and sin 0 = 0 exactly");
    x[1] = 0x7F800000; // Inf pairs with element 5
    y = RopeGolden.row(s, x, 3);
    assertEquals(RopeGolden.CANONICAL_NAN, y[1]);
    assertEquals(RopeGolden.CANONICAL_NAN, y[5]);
    assertEquals(0x7E, RopeGolden.q(s, 0x7F7FFFFF), "q saturates");
  }

  @Test
  void badShapesNameTheOption() {
    assertEquals(
        "--head-dim",
        assertThrows(
                BadParameterException.class,
                () -> new RopeShape(7, 500000, 8192, 1, Fp8Format.E4M3))
            .option());
    assertEquals(
        "--lanes",
        assertThrows(
                BadParameterException.class,
                () -> new RopeShape(64, 500000, 8192, 5, Fp8Format.E4M3))
            .option());
    assertThrows(
        BadParameterException.class, () -> new RopeShape(64, 500000, 0, 1, Fp8Format.E4M3));
    assertThrows(
        BadParameterException.class,
        () -> new RopeShape(64, 500000, (1 << 24) + 1, 1, Fp8Format.E4M3));
  }
}

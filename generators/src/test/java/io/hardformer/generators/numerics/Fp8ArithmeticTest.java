package io.hardformer.generators.numerics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The golden models against the OCP facts and, where they coincide, Java float and double. */
class Fp8ArithmeticTest {
  private static final int QNAN = 0x7FC00000;

  @Test
  void e4m3Facts() {
    Fp8Format f = Fp8Format.E4M3;
    assertEquals(448.0, f.toDouble(0x7E));
    assertEquals(-448.0, f.toDouble(0xFE));
    assertTrue(Double.isNaN(f.toDouble(0x7F)) && Double.isNaN(f.toDouble(0xFF)));
    assertEquals(Math.scalb(1.0, -9), f.toDouble(0x01), "min subnormal 2^-9");
    assertEquals(Math.scalb(1.0, -6), f.toDouble(0x08), "min normal 2^-6");
    assertEquals(
        240.0, f.toDouble(0x77), "1.111 x 2^7 is finite, not Inf (IEEE-style E4M3 stops here)");
    int nans = 0;
    for (int c = 0; c < 256; c++) {
      nans += f.isNaN(c) ? 1 : 0;
      assertFalse(f.isInfinite(c));
    }
    assertEquals(2, nans, "only S.1111.111");
    assertEquals(36, Fp8Arithmetic.productWindowBits(f));
  }

  @Test
  void e5m2Facts() {
    Fp8Format f = Fp8Format.E5M2;
    assertEquals(57344.0, f.toDouble(0x7B));
    assertEquals(Double.POSITIVE_INFINITY, f.toDouble(0x7C));
    assertEquals(Double.NEGATIVE_INFINITY, f.toDouble(0xFC));
    assertEquals(Math.scalb(1.0, -16), f.toDouble(0x01));
    int nans = 0;
    for (int c = 0; c < 256; c++) {
      nans += f.isNaN(c) ? 1 : 0;
      // E5M2 is the top byte of an IEEE FP16
      double fp16 = BinaryFormat.FP16.toDouble((long) c << 8);
      assertTrue(
          Double.compare(fp16, f.toDouble(c)) == 0
              || Double.isNaN(fp16) && Double.isNaN(f.toDouble(c)),
          "code " + c);
    }
    assertEquals(6, nans);
    assertEquals(64, Fp8Arithmetic.productWindowBits(f));
  }

  @ParameterizedTest
  @EnumSource(Fp8Format.class)
  void allProductsMatchJavaDouble(Fp8Format f) {
    for (int a = 0; a < 256; a++) {
      for (int b = 0; b < 256; b++) {
        double p = f.toDouble(a) * f.toDouble(b); // exact: at most 8 significant bits
        int expected = Double.isNaN(p) ? QNAN : Float.floatToRawIntBits((float) p);
        assertEquals(expected, Fp8Arithmetic.multiply(f, a, b), f + " " + a + " x " + b);
      }
    }
  }

  @Test
  void productSpecialRules() {
    Fp8Format f = Fp8Format.E5M2;
    assertEquals(0x80000000, Fp8Arithmetic.multiply(f, 0x80, 0x3C), "-0 x 1 = -0");
    assertEquals(QNAN, Fp8Arithmetic.multiply(f, 0x7C, 0x00), "Inf x 0 = NaN");
    assertEquals(0xFF800000, Fp8Arithmetic.multiply(f, 0x7C, 0xBC), "Inf x -1 = -Inf");
    assertEquals(QNAN, Fp8Arithmetic.multiply(Fp8Format.E4M3, 0xFF, 0x38), "NaN is canonical");
  }

  /** Independent reference: the nearest FP8 value by exhaustive search, ties to even code. */
  private static int nearest(Fp8Format f, double v, boolean saturate) {
    if (Double.isNaN(v)) {
      return f.canonicalNaN();
    }
    int sign = (Double.doubleToRawLongBits(v) < 0) ? 0x80 : 0;
    double a = Math.abs(v);
    double max = f.toDouble(f.maxNormalCode());
    double ulpAtMax = max - f.toDouble(f.maxNormalCode() - 1);
    // values at or beyond max + ulp/2 overflow (the tie goes to the even neighbour "above" max when
    // max is odd)
    boolean maxIsEven = (f.maxNormalCode() & 1) == 0;
    if (Double.isInfinite(a) || a > max + ulpAtMax / 2 || (a == max + ulpAtMax / 2 && !maxIsEven)) {
      return saturate
          ? sign | f.maxNormalCode()
          : f.hasInfinities() ? sign | 0x7C : f.canonicalNaN();
    }
    int best = 0;
    double bestErr = Double.MAX_VALUE;
    for (int c = 0; c <= f.maxNormalCode(); c++) {
      double err = Math.abs(f.toDouble(c) - a);
      if (err < bestErr || (err == bestErr && (c & 1) == 0)) {
        best = c;
        bestErr = err;
      }
    }
    return sign | best;
  }

  @ParameterizedTest
  @EnumSource(Fp8Format.class)
  void quantizationMatchesNearestValueSearch(Fp8Format f) {
    Random r = new Random(42);
    for (int saturate = 0; saturate < 2; saturate++) {
      boolean sat = saturate == 1;
      for (int c = 0; c < 256; c++) {
        double v = f.toDouble(c);
        if (Double.isNaN(v)) {
          continue;
        }
        float x = (float) v;
        int bits = Float.floatToRawIntBits(x);
        for (int d = -2; d <= 2; d++) { // the code itself and its FP32 neighbours
          int y = bits + d;
          float fy = Float.intBitsToFloat(y);
          if (Float.isNaN(fy) || (Float.floatToRawIntBits(fy) ^ bits) < 0) {
            continue;
          }
          assertEquals(nearest(f, fy, sat), Fp8Arithmetic.quantize(f, y, sat), f + " " + fy);
        }
        if (c < f.maxNormalCode()) { // the midpoint to the next code and its neighbours
          float mid = (float) ((v + f.toDouble(c + 1)) / 2);
          for (int d = -1; d <= 1; d++) {
            int y = Float.floatToRawIntBits(mid) + d;
            assertEquals(
                nearest(f, Float.intBitsToFloat(y), sat),
                Fp8Arithmetic.quantize(f, y, sat),
                f + " near midpoint " + mid);
          }
        }
      }
      for (int i = 0; i < 200_000; i++) {
        int y = r.nextInt();
        float fy = Float.intBitsToFloat(y);
        int expected = Float.isNaN(fy) ? f.canonicalNaN() : nearest(f, fy, sat);
        assertEquals(expected, Fp8Arithmetic.quantize(f, y, sat), f + " random " + fy);
      }
    }
  }

  @Test
  void quantizationRules() {
    Fp8Format e4 = Fp8Format.E4M3;
    assertEquals(
        0x7E,
        Fp8Arithmetic.quantize(e4, Float.floatToRawIntBits(464f), true),
        "464 rounds to 448 (tie to even)");
    assertEquals(
        0x7E, Fp8Arithmetic.quantize(e4, Float.floatToRawIntBits(464f), false), "not an overflow");
    assertEquals(
        0x7F, Fp8Arithmetic.quantize(e4, Float.floatToRawIntBits(465f), false), "overflow is NaN");
    assertEquals(
        0xFE, Fp8Arithmetic.quantize(e4, Float.floatToRawIntBits(Float.NEGATIVE_INFINITY), true));
    assertEquals(
        0x80,
        Fp8Arithmetic.quantize(e4, 0x80000001, true),
        "negative FP32 subnormal keeps its sign");
    Fp8Format e5 = Fp8Format.E5M2;
    assertEquals(
        0xFC,
        Fp8Arithmetic.quantize(e5, Float.floatToRawIntBits(-61440f), false),
        "E5M2 tie above max overflows");
    assertEquals(
        0x7C, Fp8Arithmetic.quantize(e5, Float.floatToRawIntBits(Float.POSITIVE_INFINITY), false));
    assertEquals(0x7E, Fp8Arithmetic.quantize(e5, 0x7FC00001, false));
  }

  @Test
  void exactDotProductMatchesDoubleWhereDoubleIsExact() {
    Fp8Format f = Fp8Format.E4M3; // the E4M3 window (36 bits + log2 N) fits a double's 53 bits
    Random r = new Random(7);
    for (int trial = 0; trial < 20_000; trial++) {
      int n = 1 + r.nextInt(64);
      int[] a = new int[n];
      int[] b = new int[n];
      double sum = 0;
      boolean nan = false;
      for (int i = 0; i < n; i++) {
        a[i] = r.nextInt(256);
        b[i] = r.nextInt(256);
        double p = f.toDouble(a[i]) * f.toDouble(b[i]);
        nan |= Double.isNaN(p);
        sum += p;
      }
      long expected =
          nan ? QNAN : sum == 0 ? 0 : Integer.toUnsignedLong(Float.floatToRawIntBits((float) sum));
      assertEquals(expected, Fp8Arithmetic.dot(f, a, b, BinaryFormat.FP32), "trial " + trial);
      long bf16 =
          nan ? BinaryFormat.BF16.quietNaN() : sum == 0 ? 0 : BinaryFormat.BF16.fromDouble(sum);
      assertEquals(bf16, Fp8Arithmetic.dot(f, a, b, BinaryFormat.BF16), "bf16 trial " + trial);
    }
  }

  @Test
  void dotProductSpecialsAndCancellation() {
    Fp8Format f = Fp8Format.E5M2;
    int big = 0x7B; // 57344
    int tiny = 0x01; // 2^-16
    int one = 0x3C;
    // 57344*57344 - 57344*57344 + 2^-16*2^-16 = 2^-32 exactly: an FP32 accumulator would return 0
    long r =
        Fp8Arithmetic.dot(
            f, new int[] {big, big | 0x80, tiny}, new int[] {big, big, tiny}, BinaryFormat.FP32);
    assertEquals(Float.floatToRawIntBits((float) Math.scalb(1.0, -32)), r);
    assertEquals(
        0L,
        Fp8Arithmetic.dot(f, new int[] {0x80}, new int[] {one}, BinaryFormat.FP32),
        "exact zero is +0");
    assertEquals(
        0x7F800000L,
        Fp8Arithmetic.dot(f, new int[] {0x7C, one}, new int[] {one, one}, BinaryFormat.FP32));
    assertEquals(
        (long) QNAN,
        Fp8Arithmetic.dot(f, new int[] {0x7C, 0xFC}, new int[] {one, one}, BinaryFormat.FP32),
        "+Inf and -Inf products give NaN");
    assertEquals(
        (long) QNAN, Fp8Arithmetic.dot(f, new int[] {0x7C}, new int[] {0x00}, BinaryFormat.FP32));
  }

  @Test
  void roundingCarriesIntoTheExponent() {
    // 2^24 - 1 rounds to 2^24 in FP32 (carry out of the mantissa)
    long code =
        ExactRounding.toBinary(java.math.BigInteger.valueOf((1 << 25) - 1), -1, BinaryFormat.FP32);
    assertEquals(Float.floatToRawIntBits(16777216f), code);
    assertEquals(
        BinaryFormat.FP32.infinityCode(),
        ExactRounding.toBinary(java.math.BigInteger.ONE, 200, BinaryFormat.FP32),
        "overflow to Inf");
  }
}

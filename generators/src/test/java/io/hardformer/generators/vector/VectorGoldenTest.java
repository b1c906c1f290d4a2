package io.hardformer.generators.vector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.hardformer.generators.catalog.BadParameterException;
import io.hardformer.generators.numerics.Fp8Arithmetic;
import io.hardformer.generators.numerics.Fp8Format;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@link VectorGolden} against the double oracle: {@code (float) ((double) a × 2^s + b)} is the
 * correctly rounded FP32 result, since a × 2^s is exact in double and double rounding through 53
 * bits is innocuous for a sum of two 24-bit values. Corner values exhaustively in pairs, millions
 * at random; and the accuracy bound of {@link VectorAccuracy} against the exact double value.
 */
class VectorGoldenTest {
  static int oracleY(int a, int s, int b) {
    float fa = Float.intBitsToFloat(a);
    float fb = Float.intBitsToFloat(b);
    float r = (float) (Math.scalb((double) fa, s) + (double) fb);
    return Float.isNaN(r) ? VectorGolden.CANONICAL_NAN : Float.floatToRawIntBits(r);
  }

  static int oracleQ(Fp8Format f, int y, int qexp) {
    double z = Math.scalb((double) Float.intBitsToFloat(y), -qexp);
    return Fp8Arithmetic.quantize(f, Float.floatToRawIntBits((float) z), true);
  }

  static List<Integer> corners() {
    List<Integer> v = new ArrayList<>();
    for (int x : VectorGenerator.FP32_SPECIALS) {
      v.add(x);
    }
    for (int x :
        new int[] {
          0x00000002,
          0x00400000,
          0x00400001,
          0x00FFFFFF,
          0x3F800001,
          0x4B000000,
          0x33800000,
          0x34000000,
          0x7F000000,
          0x0C800000,
          0x8C800000
        }) {
      v.add(x);
      v.add(x ^ 0x80000000);
    }
    return v;
  }

  static final int[] SCALES = {-128, -127, -100, -30, -24, -23, -1, 0, 1, 2, 23, 24, 100, 126, 127};

  @Test
  void cornerPairsMatchTheOracle() {
    List<Integer> c = corners();
    int n = 0;
    for (int a : c) {
      for (int b : c) {
        for (int s : SCALES) {
          check(a, s, b);
          n++;
        }
      }
    }
    assertTrue(n > 10_000);
  }

  @Test
  void millionsOfRandomInputsMatchTheOracle() {
    Random r = new Random(140);
    for (int i = 0; i < 3_000_000; i++) {
      int a = VectorGenerator.stimulus(r);
      int s = r.nextInt(2) == 0 ? r.nextInt(256) - 128 : r.nextInt(9) - 4;
      int b;
      switch (i % 4) {
        case 0 -> b = VectorGenerator.stimulus(r);
        case 1 -> {
          // near cancellation: b close to -(a x 2^s)
          double t = -Math.scalb((double) Float.intBitsToFloat(a), s);
          b = Float.floatToRawIntBits((float) t) + r.nextInt(5) - 2;
        }
        case 2 -> b = r.nextInt() & 0x807FFFFF | (r.nextInt(3) << 23); // tiny b
        default -> b = (a & 0x80000000) ^ (r.nextInt() & 0x8FFFFFFF); // wide exponent gap
      }
      check(a, s, b);
    }
  }

  private static void check(int a, int s, int b) {
    int got = VectorGolden.y(a, s, b);
    int want = oracleY(a, s, b);
    if (got != want) {
      fail(
          String.format("y(0x%08x, %d, 0x%08x): golden 0x%08x, oracle 0x%08x", a, s, b, got, want));
    }
  }

  @ParameterizedTest
  @EnumSource(Fp8Format.class)
  void quantizedOutputMatchesTheOracle(Fp8Format f) {
    VectorShape shape = new VectorShape(4, f);
    Random r = new Random(15 + f.ordinal());
    List<Integer> c = corners();
    for (int y : c) {
      for (int qexp = -128; qexp <= 127; qexp++) {
        assertEquals(
            oracleQ(f, y, qexp),
            VectorGolden.q(shape, y, qexp),
            () -> "q of 0x" + Integer.toHexString(y));
      }
    }
    for (int i = 0; i < 1_000_000; i++) {
      int y = VectorGenerator.stimulus(r);
      int qexp = r.nextInt(2) == 0 ? r.nextInt(256) - 128 : r.nextInt(41) - 20;
      int got = VectorGolden.q(shape, y, qexp);
      int want = oracleQ(f, y, qexp);
      if (got != want) {
        fail(
            String.format("%s q(0x%08x, %d): golden 0x%02x, oracle 0x%02x", f, y, qexp, got, want));
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Fp8Format.class)
  void accuracyBoundHoldsAgainstTheExactValue(Fp8Format f) {
    VectorShape shape = new VectorShape(1, f);
    Random r = new Random(16);
    double max = f.toDouble(f.maxNormalCode());
    int checked = 0;
    for (int i = 0; i < 1_000_000; i++) {
      float a = (float) (r.nextGaussian() * Math.scalb(1.0, r.nextInt(60) - 30));
      float b = (float) (r.nextGaussian() * Math.scalb(1.0, r.nextInt(60) - 30));
      int s = r.nextInt(41) - 20;
      int qexp = r.nextInt(41) - 20;
      double exact = Math.scalb((double) a, s) + b; // exact in double: the exponent gap is small
      int y = VectorGolden.y(Float.floatToRawIntBits(a), s, Float.floatToRawIntBits(b));
      double yv = Float.intBitsToFloat(y);
      double errY = Math.abs(yv - exact);
      if (errY > VectorAccuracy.allowedYError(exact)) {
        fail("y error " + errY + " > " + VectorAccuracy.allowedYError(exact) + " at " + exact);
      }
      if (Math.abs(Math.scalb(exact, -qexp)) < max) {
        double qv = Math.scalb(f.toDouble(VectorGolden.q(shape, y, qexp)), qexp);
        double errQ = Math.abs(qv - exact);
        if (errQ > VectorAccuracy.allowedQError(f, exact, qexp)) {
          fail(
              "q error "
                  + errQ
                  + " > "
                  + VectorAccuracy.allowedQError(f, exact, qexp)
                  + " at "
                  + exact);
        }
        checked++;
      }
    }
    assertTrue(checked > 100_000, "enough values inside the FP8 range");
  }

  @Test
  void lanesOutsideOneToSixtyFourNameTheOption() {
    for (int bad : new int[] {0, 65}) {
      BadParameterException e =
          assertThrows(BadParameterException.class, () -> new VectorShape(bad, Fp8Format.E4M3));
      assertEquals("--lanes", e.option());
      assertTrue(e.getMessage().contains("between 1 and 64"), e.getMessage());
    }
    assertEquals(64, new VectorShape(64, Fp8Format.E5M2).lanes());
    assertEquals(1, new VectorGenerator.Parameters(1, "E5M2").lanes());
    assertThrows(BadParameterException.class, () -> new VectorGenerator.Parameters(4, "fp8"));
  }

  @Test
  void tiesRoundToEvenAndTheBoundIsTight() {
    // 1 + 2^-24 is a tie: down to 1.0 (even), an error of exactly the bound
    assertEquals(0x3F800000, VectorGolden.y(0x3F800000, -24, 0x3F800000));
    assertEquals(Math.scalb(1.0, -24), VectorAccuracy.allowedYError(1.0 + Math.scalb(1.0, -24)));
    // (1 + 2^-23) + 2^-24 is a tie: up to the even 1 + 2^-22
    assertEquals(0x3F800002, VectorGolden.y(0x3F800000, -24, 0x3F800001));
    // a x 2^s overflows FP32 but b brings it back: exact, no intermediate Inf
    assertEquals(0x73800000, VectorGolden.y(0x7F000000, 1, 0xFF7FFFFF)); // 2^104
    // gradual underflow: 2^-126 x 2^-23 is the smallest subnormal, x 2^-24 a tie to +0
    assertEquals(0x00000001, VectorGolden.y(0x00800000, -23, 0));
    assertEquals(0x00000000, VectorGolden.y(0x00800000, -24, 0));
    assertEquals(0x80000000, VectorGolden.y(0x80800000, -24, 0x80000000));
    assertEquals(0x7F800000, VectorGolden.y(0x7F7FFFFF, 1, 0));
  }
}

package io.hardformer.generators.array;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.hardformer.generators.fp8.FloatPacker;
import io.hardformer.generators.numerics.ExactDot;
import io.hardformer.generators.numerics.Fp8Format;
import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The fixed accumulator's rules, by hand, and its limits (wide B is exact). */
class FixedAccumulatorTest {
  private static ExactDot term(long t) {
    return new ExactDot(BigInteger.valueOf(t), false, false, false);
  }

  /** B = 2: the sum leaves [-8, 8) and is halved; small terms are truncated toward -Inf. */
  @Test
  void truncatesTowardMinusInfinityAndHalvesOnOverflow() {
    FixedAccumulator a = new FixedAccumulator(2);
    a.add(term(7)); // msb 2 = B: kept whole
    assertEquals(7, a.sum());
    assertEquals(0, a.quantum());
    a.add(term(5)); // 12 >= 8: halved, q = 1
    assertEquals(6, a.sum());
    assertEquals(1, a.quantum());
    a.add(term(1)); // floor(1 / 2) = 0: lost
    assertEquals(6, a.sum());
    a.add(term(-1)); // floor(-1 / 2) = -1: the bias of truncation
    assertEquals(5, a.sum());
    assertEquals(10.0, a.value(0));
    a.add(term(-37)); // msb 5: q_t = 3, floor(-37 / 8) = -5; accumulator to q 3: floor(5 / 4) = 1
    assertEquals(-4, a.sum());
    assertEquals(3, a.quantum());
  }

  /** With B wide enough for every sum, fixed accumulation is the exact dot product. */
  @Test
  void wideFractionIsExact() {
    Random r = new Random(5);
    Fp8Format f = Fp8Format.E4M3;
    int k = 64;
    int[][] x = new int[1][k];
    int[][] w = new int[k][1];
    for (int t = 0; t < k; t++) {
      x[0][t] = r.nextInt(0x70) | (r.nextBoolean() ? 0x80 : 0); // finite, |x| < 2^7
      w[t][0] = r.nextInt(0x30); // small weights: the sum stays below 2^30 units
    }
    FmaArrayShape exact = FmaArrayShape.of(1, 1, f, AccumulationMode.EXACT, FloatPacker.FP32);
    FmaArrayShape fixed = exact.withFixed(30, 0);
    assertEquals(
        MatmulGolden.multiply(exact, x, w)[0][0], MatmulGolden.multiply(fixed, x, w)[0][0]);
  }
}

package io.hardformer.generators.array;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.hardformer.generators.fp8.FloatPacker;
import io.hardformer.generators.numerics.Fp8Arithmetic;
import io.hardformer.generators.numerics.Fp8Format;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link AccumulationAccuracy#measure(FmaArrayShape, int[][], int[][])} on given matrices, against
 * errors worked out here: sequential FP32 accumulation is Java {@code float} addition of the exact
 * products, and the exact sum (few products) is a {@code double}.
 */
class AccumulationAccuracyTest {
  @Test
  void givenMatricesGiveTheErrorsOfSequentialFp32() {
    Fp8Format f = Fp8Format.E4M3;
    Random r = new Random(7);
    int rows = 3;
    int cols = 5;
    int k = 24;
    int[][] x = new int[rows][k];
    int[][] w = new int[k][cols];
    for (int i = 0; i < rows; i++) {
      for (int t = 0; t < k; t++) {
        x[i][t] = code(f, r, t);
      }
    }
    for (int t = 0; t < k; t++) {
      for (int j = 0; j < cols; j++) {
        w[t][j] = code(f, r, t + 1);
      }
    }
    double maxSum = 0;
    double maxY = 0;
    double sq = 0;
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < cols; j++) {
        float acc = -0f;
        double exact = 0;
        double sumAbs = 0;
        for (int t = 0; t < k; t++) {
          float p =
              (float) f.toDouble(x[i][t])
                  * (float) f.toDouble(w[t][j]); // exact: 8 significand bits
          acc += p;
          exact += p; // exact: the products span far fewer than 53 bits
          sumAbs += Math.abs(p);
        }
        double err = Math.abs(acc - exact);
        maxSum = Math.max(maxSum, err / sumAbs);
        sq += (err / sumAbs) * (err / sumAbs);
        maxY = Math.max(maxY, err / Math.abs(exact));
      }
    }
    FmaArrayShape fp32 = FmaArrayShape.of(1, 1, f, AccumulationMode.FP32, FloatPacker.FP32);
    AccumulationAccuracy.Errors e = AccumulationAccuracy.measure(fp32, x, w);
    assertEquals(rows * cols, e.outputs());
    assertEquals(maxSum, e.maxRelSumAbs(), 0);
    assertEquals(Math.sqrt(sq / (rows * cols)), e.rmsRelSumAbs(), 1e-18);
    assertEquals(maxY, e.maxRelY(), 0);
    assertEquals(true, maxSum > 0, "the inputs must make FP32 round");
    FmaArrayShape exact =
        FmaArrayShape.of(1, 1, f, AccumulationMode.EXACT, FloatPacker.FP32).withLanes(16);
    double once = AccumulationAccuracy.measure(exact, x, w).maxRelY();
    assertEquals(true, once <= 0x1p-24, "exact lane sums round once to FP32: " + once);
  }

  /** A finite code whose magnitude depends on {@code t} (wide range, so FP32 sums round). */
  private static int code(Fp8Format f, Random r, int t) {
    float v = (float) (r.nextGaussian() * Math.scalb(1.0, (t % 12) - 4));
    return Fp8Arithmetic.quantize(f, Float.floatToRawIntBits(v), true);
  }
}

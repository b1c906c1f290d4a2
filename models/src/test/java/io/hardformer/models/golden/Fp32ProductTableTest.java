package io.hardformer.models.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.hardformer.generators.array.AccumulationMode;
import io.hardformer.generators.array.FmaArrayShape;
import io.hardformer.generators.array.MatmulGolden;
import io.hardformer.generators.fp8.FloatPacker;
import io.hardformer.generators.fp8.Fp8Stimulus;
import io.hardformer.generators.numerics.Fp8Format;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The fast FP32-accumulation path is MatmulGolden's FP32 mode bit for bit. */
class Fp32ProductTableTest {
  @Test
  void equalsMatmulGoldenOnRandomAndSpecialCodes() {
    Random r = new Random(14);
    for (Fp8Format f : Fp8Format.values()) {
      Fp32ProductTable table = new Fp32ProductTable(f);
      for (int trial = 0; trial < 6; trial++) {
        int rows = 1 + r.nextInt(5);
        int k = 1 + r.nextInt(trial < 3 ? 40 : 400);
        int cols = 1 + r.nextInt(7);
        boolean nonFinite = trial % 2 == 1;
        int[][] x = new int[rows][k];
        int[][] w = new int[k][cols];
        for (int[] row : x) {
          for (int i = 0; i < k; i++) {
            row[i] = Fp8Stimulus.code(f, r, 8, nonFinite);
          }
        }
        for (int[] row : w) {
          for (int j = 0; j < cols; j++) {
            row[j] = Fp8Stimulus.code(f, r, 8, nonFinite);
          }
        }
        long[][] golden =
            MatmulGolden.multiply(
                FmaArrayShape.of(rows, cols, f, AccumulationMode.FP32, FloatPacker.FP32), x, w);
        int[][] fast = table.multiply(x, w);
        for (int i = 0; i < rows; i++) {
          for (int j = 0; j < cols; j++) {
            assertEquals(
                (int) golden[i][j], fast[i][j], f + " trial " + trial + " y[" + i + "][" + j + "]");
          }
        }
      }
    }
  }

  @Test
  void everyProductOfTheTableIsTheExactProduct() {
    for (Fp8Format f : Fp8Format.values()) {
      Fp32ProductTable table = new Fp32ProductTable(f);
      for (int a = 0; a < 256; a++) {
        for (int b = 0; b < 256; b++) {
          long golden =
              MatmulGolden.multiply(
                  FmaArrayShape.of(1, 1, f, AccumulationMode.FP32, FloatPacker.FP32),
                  new int[][] {{a}},
                  new int[][] {{b}})[0][0];
          assertEquals((int) golden, table.multiply(new int[][] {{a}}, new int[][] {{b}})[0][0]);
        }
      }
    }
  }
}

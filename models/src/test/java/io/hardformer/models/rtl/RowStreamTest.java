package io.hardformer.models.rtl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.hardformer.generators.fp8.Fp8Quant;
import io.hardformer.generators.numerics.Fp8Arithmetic;
import io.hardformer.generators.numerics.Fp8Format;
import io.hardformer.testbench.Testbench;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The generic row runner on an existing elementwise unit, {@code fp8-quant} (one FP32 lane in, one
 * FP8 code out, latency 2): every output equals the quantizer's golden model in its row and column,
 * and the beats go back to back (cycles = beats + latency).
 */
@Tag("verilator")
class RowStreamTest {
  @Test
  void fp8QuantRowsComeBackInPlaceAndBackToBack() {
    Fp8Format f = Fp8Format.E4M3;
    Random r = new Random(3);
    int rows = 5;
    int cols = 37;
    int[][] x = new int[rows][cols];
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < cols; j++) {
        // values around the FP8 range: subnormals, normals, overflow, specials
        x[i][j] =
            j == 0
                ? 0x7FC00000
                : Float.floatToRawIntBits(
                    (float) (r.nextGaussian() * Math.scalb(1.0, r.nextInt(30) - 15)));
      }
    }
    Fp8Quant dut = new Fp8Quant(f, true, 2);
    try (Testbench tb = Testbench.of(dut)) {
      tb.reset();
      RowStream.Result res =
          new RowStream(tb, dut.in, dut.out, 1)
              .lanes(dut.in.payload().in, 32, x)
              .collect(dut.out.payload().out, 8)
              .run();
      int[][] q = res.get(dut.out.payload().out);
      for (int i = 0; i < rows; i++) {
        for (int j = 0; j < cols; j++) {
          assertEquals(
              Fp8Arithmetic.quantize(f, x[i][j], true),
              q[i][j],
              String.format("row %d col %d: quantize(0x%08x)", i, j, x[i][j]));
        }
      }
      assertEquals(rows * cols, res.beats());
      assertEquals(rows * cols + 2, res.cycles(), "one beat a cycle, latency 2");
      for (int k = 0; k < res.beats(); k++) {
        assertEquals(res.acceptCycle(k) + 2, res.outputCycle(k), "latency of beat " + k);
      }
    }
  }

  @Test
  void undrivenFieldsAndRaggedRowsAreNamed() {
    Fp8Quant dut = new Fp8Quant(Fp8Format.E5M2, true, 2);
    try (Testbench tb = Testbench.of(dut)) {
      RowStream s = new RowStream(tb, dut.in, dut.out, 4);
      assertThrows(IllegalStateException.class, s::run);
      assertThrows(
          IllegalArgumentException.class,
          () -> s.lanes(dut.in.payload().in, 32, new int[][] {{1, 2}, {3}}));
      assertThrows(IllegalArgumentException.class, () -> s.collect(dut.in.payload().in, 8));
    }
  }
}

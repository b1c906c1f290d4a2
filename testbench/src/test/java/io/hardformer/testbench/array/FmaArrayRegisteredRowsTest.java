package io.hardformer.testbench.array;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.hardformer.generators.array.AccumulationMode;
import io.hardformer.generators.array.FmaArray;
import io.hardformer.generators.array.FmaArrayShape;
import io.hardformer.generators.array.RowPorts;
import io.hardformer.generators.fp8.FloatPacker;
import io.hardformer.generators.numerics.Fp8Format;
import io.hardformer.testbench.StreamRun;
import io.hardformer.testbench.Testbench;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code fma-array --row-ports registered} in Verilator: every output bit-exact against the golden
 * model (matmuls of several K back to back, with input bubbles and specials), and the manifest's
 * cycle contract measured from cycle stamps, as {@link FmaArrayTest} does for the wired rows.
 */
@Tag("verilator")
class FmaArrayRegisteredRowsTest {
  private static FmaArrayShape shape(int rows, int cols, Fp8Format f, AccumulationMode mode) {
    return FmaArrayShape.of(rows, cols, f, mode, FloatPacker.FP32)
        .withRowPorts(RowPorts.REGISTERED);
  }

  @ParameterizedTest(name = "{0}x{1} {2} acc={3}")
  @CsvSource({"4, 4, E4M3, FP32", "2, 3, E5M2, EXACT"})
  void everyOutputIsBitExact(int rows, int cols, Fp8Format f, AccumulationMode mode) {
    FmaArrayShape shape = shape(rows, cols, f, mode);
    MatrixSource src = new MatrixSource(f, rows * 1000L + cols * 10L + mode.ordinal());
    List<int[][][]> matmuls = new ArrayList<>();
    int[] ks = {1, 2, 3, 7, 300, 1, 16, 5};
    MatrixSource.Kind[] kinds = MatrixSource.Kind.values();
    for (int m = 0; m < ks.length * 2; m++) {
      matmuls.add(src.matmul(kinds[m % kinds.length], rows, cols, ks[m % ks.length]));
    }
    FmaArray dut = new FmaArray(shape);
    try (Testbench tb = Testbench.of(dut)) {
      tb.reset();
      StreamRun run = FmaArrayTest.send(tb, dut, rows, matmuls, 0.15);
      FmaArrayTest.check(tb, shape, matmuls, run);
    }
  }

  @ParameterizedTest(name = "{0}x{1} acc={2} K={3}")
  @CsvSource({"4, 4, EXACT, 9", "2, 3, FP32, 2", "3, 5, FP32, 40"})
  void latencyIsTheManifestsAndTheWiredRows(int rows, int cols, AccumulationMode mode, int k) {
    FmaArrayShape shape = shape(rows, cols, Fp8Format.E4M3, mode);
    FmaArrayShape wired = shape.withRowPorts(RowPorts.WIRED);
    assertEquals(wired.latency(), shape.latency());
    MatrixSource src = new MatrixSource(Fp8Format.E4M3, k);
    List<int[][][]> matmuls = new ArrayList<>();
    int count = 4;
    for (int m = 0; m < count; m++) {
      matmuls.add(src.matmul(MatrixSource.Kind.FINITE_WITH_SPECIALS, rows, cols, k));
    }
    FmaArray dut = new FmaArray(shape);
    try (Testbench tb = Testbench.of(dut)) {
      assertEquals(
          true,
          tb.design().manifest().contains("\"latency\" : " + shape.latency()),
          "the manifest's latency");
      tb.reset();
      StreamRun run = FmaArrayTest.send(tb, dut, rows, matmuls, 0);
      FmaArrayTest.check(tb, shape, matmuls, run);
      long first = run.acceptCycle(0);
      int spacing = Math.max(k, shape.minimumSpacing());
      for (int m = 0; m < count; m++) {
        long lastBeat = run.acceptCycle(m * k + k - 1);
        for (int i = 0; i < rows; i++) {
          assertEquals(
              lastBeat + shape.latency() + i,
              run.outputCycle(m * rows + i),
              "matmul " + m + " row " + i + ": last beat + latency + row");
        }
      }
      assertEquals(
          shape.cyclesBackToBack(k, count),
          run.outputCycle(count * rows - 1) - first + 1,
          "cycles of " + count + " matmuls, spacing " + spacing);
    }
  }
}

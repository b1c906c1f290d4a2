package io.hardformer.testbench.array;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hardformer.generators.array.AccumulationMode;
import io.hardformer.generators.array.CellPipeline;
import io.hardformer.generators.array.FmaArray;
import io.hardformer.generators.array.FmaArrayShape;
import io.hardformer.generators.fp8.FloatPacker;
import io.hardformer.generators.numerics.Fp8Format;
import io.hardformer.testbench.StreamRun;
import io.hardformer.testbench.Testbench;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The FMA array with {@code --pipeline deep} (carry-save exact cells, the sum resolved in the
 * column readout) in Verilator: every output bit-exact against {@code MatmulGolden}'s exact mode
 * over the input classes of {@link FmaArrayTest} (K = 1 .. 1100, with input bubbles, both formats,
 * both output formats, and {@code --max-k 16}: a 42-bit sum, 6 resolver stages), and the cycle
 * contract measured back to back.
 */
@Tag("verilator")
class FmaCarrySaveArrayTest {
  static FmaArrayShape deep(int rows, int cols, Fp8Format f, FloatPacker out, int maxK) {
    return new FmaArrayShape(rows, cols, f, AccumulationMode.EXACT, out, maxK)
        .withPipeline(CellPipeline.DEEP);
  }

  static java.util.stream.Stream<Arguments> configs() {
    return java.util.stream.Stream.of(
        Arguments.of(1, 1, Fp8Format.E4M3, FloatPacker.FP32, FmaArray.DEFAULT_MAX_K),
        Arguments.of(2, 3, Fp8Format.E4M3, FloatPacker.FP32, FmaArray.DEFAULT_MAX_K),
        Arguments.of(5, 3, Fp8Format.E4M3, FloatPacker.BF16, FmaArray.DEFAULT_MAX_K),
        Arguments.of(8, 8, Fp8Format.E4M3, FloatPacker.FP32, FmaArray.DEFAULT_MAX_K),
        Arguments.of(2, 3, Fp8Format.E5M2, FloatPacker.BF16, FmaArray.DEFAULT_MAX_K),
        Arguments.of(4, 4, Fp8Format.E5M2, FloatPacker.FP32, FmaArray.DEFAULT_MAX_K),
        Arguments.of(3, 2, Fp8Format.E4M3, FloatPacker.FP32, 16));
  }

  @ParameterizedTest(name = "{0}x{1} {2} out={3} maxK={4}")
  @MethodSource("configs")
  void everyOutputIsBitExact(int rows, int cols, Fp8Format f, FloatPacker out, int maxK) {
    FmaArrayShape shape = deep(rows, cols, f, out, maxK);
    MatrixSource src = new MatrixSource(f, rows * 1000L + cols * 10L + maxK);
    List<int[][][]> matmuls = new ArrayList<>();
    int[] ks = {1, 2, 3, 7, 1100, 1, 16, 5};
    MatrixSource.Kind[] kinds = MatrixSource.Kind.values();
    for (int m = 0; m < ks.length * 2; m++) {
      int k = Math.min(ks[m % ks.length], maxK); // K beyond --max-k is outside the contract
      matmuls.add(src.matmul(kinds[m % kinds.length], rows, cols, k));
    }
    FmaArray dut = new FmaArray(shape);
    try (Testbench tb = Testbench.of(dut)) {
      tb.reset();
      StreamRun run = FmaDotCellArrayTest.send(tb, dut, shape, matmuls, 0.15);
      FmaArrayTest.check(tb, shape, matmuls, run);
    }
  }

  static java.util.stream.Stream<Arguments> timingConfigs() {
    return java.util.stream.Stream.of(
        Arguments.of(4, 4, Fp8Format.E4M3, 1),
        Arguments.of(4, 4, Fp8Format.E4M3, 9),
        Arguments.of(2, 3, Fp8Format.E5M2, 40),
        Arguments.of(8, 8, Fp8Format.E4M3, 64));
  }

  @ParameterizedTest(name = "{0}x{1} {2} K={3}")
  @MethodSource("timingConfigs")
  void cycleFormulaHoldsBackToBack(int rows, int cols, Fp8Format f, int k) {
    FmaArrayShape shape = deep(rows, cols, f, FloatPacker.FP32, FmaArray.DEFAULT_MAX_K);
    MatrixSource src = new MatrixSource(f, k);
    List<int[][][]> matmuls = new ArrayList<>();
    int count = 4;
    for (int m = 0; m < count; m++) {
      matmuls.add(src.matmul(MatrixSource.Kind.FINITE_WITH_SPECIALS, rows, cols, k));
    }
    FmaArray dut = new FmaArray(shape);
    try (Testbench tb = Testbench.of(dut)) {
      tb.reset();
      StreamRun run = FmaDotCellArrayTest.send(tb, dut, shape, matmuls, 0);
      FmaArrayTest.check(tb, shape, matmuls, run);
      long first = run.acceptCycle(0);
      long spacing = Math.max(k, shape.minimumSpacing());
      for (int m = 0; m < count; m++) {
        long lastBeat = run.acceptCycle(m * k + k - 1);
        assertEquals(first + k - 1 + m * spacing, lastBeat, "last beat of matmul " + m);
        for (int i = 0; i < rows; i++) {
          assertEquals(
              lastBeat + shape.latency() + i,
              run.outputCycle(m * rows + i),
              "matmul " + m + " row " + i + ": cycle of the result");
        }
      }
      long total = run.outputCycle(count * rows - 1) - first + 1;
      assertEquals(shape.cyclesBackToBack(k, count), total, "cycles of " + count + " matmuls");
      assertEquals(shape.cyclesPerMatmul(k), run.outputCycle(rows - 1) - first + 1, "one matmul");
    }
  }

  @Test
  void deepCostsOneCellCycleAndTheResolverStages() {
    FmaArrayShape base =
        new FmaArrayShape(4, 4, Fp8Format.E4M3, AccumulationMode.EXACT, FloatPacker.FP32, 65536);
    FmaArrayShape deep = base.withPipeline(CellPipeline.DEEP);
    // 53-bit sum: ceil(53 / 8) = 7 resolver stages, plus the cell's product stage
    assertEquals(base.latency() + 1 + 7, deep.latency());
    try (Testbench tb = Testbench.of(new FmaArray(deep))) {
      String manifest = tb.design().manifest();
      assertTrue(manifest.contains("\"latency\" : " + deep.latency()), manifest);
    }
  }

  @Test
  void deepIsRefusedOutsideExactLanesOne() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                FmaArrayShape.of(2, 2, Fp8Format.E4M3, AccumulationMode.FP32, FloatPacker.FP32)
                    .withPipeline(CellPipeline.DEEP));
    assertTrue(e.getMessage().contains("--pipeline deep"), e.getMessage());
  }
}

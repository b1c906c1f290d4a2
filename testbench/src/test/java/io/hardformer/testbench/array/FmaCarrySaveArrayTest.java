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
import io.hardformer.rtl.EmitOptions;
import io.hardformer.rtl.EmittedDesign;
import io.hardformer.rtl.VerilogEmitter;
import io.hardformer.testbench.StreamRun;
import io.hardformer.testbench.Testbench;
import io.hardformer.verilator.DesignGates;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The FMA array with {@code --pipeline deep} (carry-save exact cells of 1 to 16 lanes, the sum
 * resolved and rounded in short stages in the column readout) in Verilator: every output bit-exact
 * against {@code MatmulGolden}'s exact mode over the input classes of {@link FmaArrayTest} (zeros,
 * subnormals, max normals, NaN, Inf, cancellation; K = 1 .. 1100, with input bubbles, both formats,
 * both output formats, and {@code --max-k 16}: a 42-bit sum, 6 resolver stages), the cycle contract
 * measured back to back, and the design gates (Verilator -Wall, Yosys, Icarus).
 */
@Tag("verilator")
class FmaCarrySaveArrayTest {
  static FmaArrayShape deep(int rows, int cols, Fp8Format f, FloatPacker out, int maxK) {
    return deep(rows, cols, f, out, maxK, 1);
  }

  static FmaArrayShape deep(int rows, int cols, Fp8Format f, FloatPacker out, int maxK, int lanes) {
    return new FmaArrayShape(rows, cols, f, AccumulationMode.EXACT, out, maxK)
        .withLanes(lanes)
        .withPipeline(CellPipeline.DEEP);
  }

  static java.util.stream.Stream<Arguments> configs() {
    return java.util.stream.Stream.of(
        Arguments.of(1, 1, Fp8Format.E4M3, FloatPacker.FP32, FmaArray.DEFAULT_MAX_K, 1),
        Arguments.of(2, 3, Fp8Format.E4M3, FloatPacker.FP32, FmaArray.DEFAULT_MAX_K, 1),
        Arguments.of(5, 3, Fp8Format.E4M3, FloatPacker.BF16, FmaArray.DEFAULT_MAX_K, 1),
        Arguments.of(8, 8, Fp8Format.E4M3, FloatPacker.FP32, FmaArray.DEFAULT_MAX_K, 1),
        Arguments.of(2, 3, Fp8Format.E5M2, FloatPacker.BF16, FmaArray.DEFAULT_MAX_K, 1),
        Arguments.of(4, 4, Fp8Format.E5M2, FloatPacker.FP32, FmaArray.DEFAULT_MAX_K, 1),
        Arguments.of(3, 2, Fp8Format.E4M3, FloatPacker.FP32, 16, 1),
        Arguments.of(1, 1, Fp8Format.E4M3, FloatPacker.BF16, FmaArray.DEFAULT_MAX_K, 2),
        Arguments.of(3, 2, Fp8Format.E5M2, FloatPacker.BF16, FmaArray.DEFAULT_MAX_K, 4),
        Arguments.of(2, 2, Fp8Format.E4M3, FloatPacker.FP32, FmaArray.DEFAULT_MAX_K, 8),
        Arguments.of(1, 1, Fp8Format.E4M3, FloatPacker.BF16, FmaArray.DEFAULT_MAX_K, 16),
        Arguments.of(4, 4, Fp8Format.E4M3, FloatPacker.BF16, FmaArray.DEFAULT_MAX_K, 16),
        Arguments.of(2, 2, Fp8Format.E5M2, FloatPacker.FP32, FmaArray.DEFAULT_MAX_K, 16),
        Arguments.of(2, 3, Fp8Format.E4M3, FloatPacker.FP32, 40, 16));
  }

  @ParameterizedTest(name = "{0}x{1} {2} out={3} maxK={4} lanes={5}")
  @MethodSource("configs")
  void everyOutputIsBitExact(
      int rows, int cols, Fp8Format f, FloatPacker out, int maxK, int lanes) {
    FmaArrayShape shape = deep(rows, cols, f, out, maxK, lanes);
    MatrixSource src = new MatrixSource(f, rows * 1000L + cols * 10L + maxK + lanes * 7L);
    List<int[][][]> matmuls = new ArrayList<>();
    int[] ks = {1, 2, 3, 7, 1100, 1, 16, 5, 17, 33};
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
        Arguments.of(4, 4, Fp8Format.E4M3, 1, 1, FloatPacker.FP32),
        Arguments.of(4, 4, Fp8Format.E4M3, 9, 1, FloatPacker.FP32),
        Arguments.of(2, 3, Fp8Format.E5M2, 40, 1, FloatPacker.FP32),
        Arguments.of(8, 8, Fp8Format.E4M3, 64, 1, FloatPacker.FP32),
        Arguments.of(1, 1, Fp8Format.E4M3, 5, 2, FloatPacker.BF16),
        Arguments.of(2, 3, Fp8Format.E5M2, 40, 4, FloatPacker.BF16),
        Arguments.of(4, 4, Fp8Format.E4M3, 9, 16, FloatPacker.BF16),
        Arguments.of(4, 4, Fp8Format.E4M3, 100, 16, FloatPacker.BF16),
        Arguments.of(1, 1, Fp8Format.E4M3, 64, 16, FloatPacker.BF16));
  }

  @ParameterizedTest(name = "{0}x{1} {2} K={3} lanes={4} out={5}")
  @MethodSource("timingConfigs")
  void cycleFormulaHoldsBackToBack(
      int rows, int cols, Fp8Format f, int k, int lanes, FloatPacker out) {
    FmaArrayShape shape = deep(rows, cols, f, out, FmaArray.DEFAULT_MAX_K, lanes);
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
      long beats = shape.beats(k);
      long first = run.acceptCycle(0);
      long spacing = Math.max(beats, shape.minimumSpacing());
      for (int m = 0; m < count; m++) {
        long lastBeat = run.acceptCycle((int) (m * beats + beats - 1));
        assertEquals(first + beats - 1 + m * spacing, lastBeat, "last beat of matmul " + m);
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
      String manifest = tb.design().manifest();
      assertTrue(manifest.contains("\"latency\" : " + shape.latency()), manifest);
    }
  }

  static java.util.stream.Stream<Arguments> gateConfigs() {
    return java.util.stream.Stream.of(
        Arguments.of(1, 1, Fp8Format.E4M3, FloatPacker.BF16, 1),
        Arguments.of(1, 1, Fp8Format.E4M3, FloatPacker.BF16, 16),
        Arguments.of(4, 4, Fp8Format.E4M3, FloatPacker.BF16, 16),
        Arguments.of(3, 2, Fp8Format.E5M2, FloatPacker.FP32, 2),
        Arguments.of(2, 5, Fp8Format.E4M3, FloatPacker.FP32, 8));
  }

  @ParameterizedTest(name = "{0}x{1} {2} out={3} lanes={4}")
  @MethodSource("gateConfigs")
  void passesTheDesignGatesAndEmitsByteIdentically(
      int rows, int cols, Fp8Format f, FloatPacker out, int lanes) {
    FmaArrayShape shape = deep(rows, cols, f, out, FmaArray.DEFAULT_MAX_K, lanes);
    EmittedDesign first =
        VerilogEmitter.emit(
            new FmaArray(shape), EmitOptions.forGenerator("fma-array", java.util.Map.of()));
    EmittedDesign second =
        VerilogEmitter.emit(
            new FmaArray(shape), EmitOptions.forGenerator("fma-array", java.util.Map.of()));
    assertEquals(first.files(), second.files(), "emitting the same design twice");
    List<String> problems = DesignGates.check(first);
    assertTrue(problems.isEmpty(), String.join("\n", problems));
  }

  @Test
  void deepCostsOneCellCycleTheResolverAndTheStagedRounding() {
    FmaArrayShape base =
        new FmaArrayShape(4, 4, Fp8Format.E4M3, AccumulationMode.EXACT, FloatPacker.FP32, 65536);
    FmaArrayShape deep = base.withPipeline(CellPipeline.DEEP);
    // 53-bit sum: ceil(53 / 8) = 7 resolver stages, the staged rounding's 6 stages instead of 2,
    // plus the cell's product stage
    assertEquals(base.latency() + 1 + 7 + 4, deep.latency());
    try (Testbench tb = Testbench.of(new FmaArray(deep))) {
      String manifest = tb.design().manifest();
      assertTrue(manifest.contains("\"latency\" : " + deep.latency()), manifest);
    }
  }

  @Test
  void deepIsRefusedOutsideExact() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                FmaArrayShape.of(2, 2, Fp8Format.E4M3, AccumulationMode.FP32, FloatPacker.FP32)
                    .withPipeline(CellPipeline.DEEP));
    assertTrue(e.getMessage().contains("--pipeline deep"), e.getMessage());
  }
}

package io.hardformer.testbench.array;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.hardformer.generators.array.AccumulationMode;
import io.hardformer.generators.array.FmaArray;
import io.hardformer.generators.array.FmaArrayShape;
import io.hardformer.generators.array.MatmulBeat;
import io.hardformer.generators.fp8.FloatPacker;
import io.hardformer.generators.numerics.Fp8Format;
import io.hardformer.testbench.Stream;
import io.hardformer.testbench.StreamRun;
import io.hardformer.testbench.Testbench;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The FMA array with dot-product cells ({@code --lanes} L) and {@code fixed} accumulation in
 * Verilator: every output bit-exact against {@code MatmulGolden} over the input classes of {@link
 * FmaArrayTest} (K = 1 .. 1100, K not a multiple of L: the last beat zero-padded), with input
 * bubbles; and the cycle contract (ceil(K/L) beats + overhead) measured back to back.
 */
@Tag("verilator")
class FmaDotCellArrayTest {
  static FmaArrayShape shape(
      int rows, int cols, Fp8Format f, String acc, FloatPacker out, int lanes, int b, int n) {
    FmaArrayShape s =
        FmaArrayShape.of(
                rows,
                cols,
                f,
                acc.equals("exact") ? AccumulationMode.EXACT : AccumulationMode.FP32,
                out)
            .withLanes(lanes);
    return acc.equals("fixed") ? s.withFixed(b, n) : s;
  }

  static java.util.stream.Stream<Arguments> configs() {
    return java.util.stream.Stream.of(
        Arguments.of(2, 3, Fp8Format.E4M3, "fixed", FloatPacker.FP32, 1, 13, 0),
        Arguments.of(3, 2, Fp8Format.E4M3, "fixed", FloatPacker.FP32, 1, 13, 128),
        Arguments.of(2, 2, Fp8Format.E5M2, "fixed", FloatPacker.BF16, 2, 4, 8),
        Arguments.of(4, 4, Fp8Format.E4M3, "fixed", FloatPacker.BF16, 4, 13, 0),
        Arguments.of(1, 2, Fp8Format.E5M2, "fixed", FloatPacker.FP32, 16, 22, 16),
        Arguments.of(2, 3, Fp8Format.E4M3, "fp32", FloatPacker.FP32, 4, 0, 0),
        Arguments.of(2, 2, Fp8Format.E5M2, "fp32", FloatPacker.BF16, 16, 0, 0),
        Arguments.of(3, 3, Fp8Format.E4M3, "exact", FloatPacker.FP32, 8, 0, 0),
        Arguments.of(2, 3, Fp8Format.E4M3, "exact", FloatPacker.FP32, 16, 0, 0),
        Arguments.of(3, 2, Fp8Format.E5M2, "exact", FloatPacker.BF16, 4, 0, 0),
        Arguments.of(2, 2, Fp8Format.E5M2, "exact", FloatPacker.BF16, 2, 0, 0));
  }

  @ParameterizedTest(name = "{0}x{1} {2} acc={3} out={4} lanes={5} B={6} N={7}")
  @MethodSource("configs")
  void everyOutputIsBitExact(
      int rows, int cols, Fp8Format f, String acc, FloatPacker out, int lanes, int b, int n) {
    FmaArrayShape shape = shape(rows, cols, f, acc, out, lanes, b, n);
    MatrixSource src = new MatrixSource(f, rows * 1000L + cols * 10L + lanes + b);
    List<int[][][]> matmuls = new ArrayList<>();
    int[] ks = {1, 2, 3, 7, 1100, 1, 16, 5};
    MatrixSource.Kind[] kinds = MatrixSource.Kind.values();
    for (int m = 0; m < ks.length * 2; m++) {
      matmuls.add(src.matmul(kinds[m % kinds.length], rows, cols, ks[m % ks.length]));
    }
    FmaArray dut = new FmaArray(shape);
    try (Testbench tb = Testbench.of(dut)) {
      tb.reset();
      StreamRun run = send(tb, dut, shape, matmuls, 0.15);
      FmaArrayTest.check(tb, shape, matmuls, run);
    }
  }

  static java.util.stream.Stream<Arguments> timingConfigs() {
    return java.util.stream.Stream.of(
        Arguments.of(2, 3, Fp8Format.E4M3, "fixed", FloatPacker.FP32, 1, 13, 0, 40),
        Arguments.of(3, 2, Fp8Format.E4M3, "fixed", FloatPacker.FP32, 4, 13, 8, 37),
        Arguments.of(4, 4, Fp8Format.E4M3, "fp32", FloatPacker.FP32, 8, 0, 0, 9),
        Arguments.of(2, 2, Fp8Format.E4M3, "exact", FloatPacker.FP32, 16, 0, 0, 256));
  }

  @ParameterizedTest(name = "{0}x{1} {2} acc={3} lanes={5} B={6} N={7} K={8}")
  @MethodSource("timingConfigs")
  void cycleFormulaHoldsBackToBack(
      int rows,
      int cols,
      Fp8Format f,
      String acc,
      FloatPacker out,
      int lanes,
      int b,
      int n,
      int k) {
    FmaArrayShape shape = shape(rows, cols, f, acc, out, lanes, b, n);
    MatrixSource src = new MatrixSource(f, k);
    List<int[][][]> matmuls = new ArrayList<>();
    int count = 4;
    for (int m = 0; m < count; m++) {
      matmuls.add(src.matmul(MatrixSource.Kind.FINITE_WITH_SPECIALS, rows, cols, k));
    }
    FmaArray dut = new FmaArray(shape);
    try (Testbench tb = Testbench.of(dut)) {
      tb.reset();
      StreamRun run = send(tb, dut, shape, matmuls, 0);
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
    }
  }

  /** Streams every beat (L lanes each, {@link MatmulBeat#pack}) of every matmul. */
  static StreamRun send(
      Testbench tb, FmaArray dut, FmaArrayShape shape, List<int[][][]> matmuls, double bubbles) {
    Stream s = tb.stream(dut.in, dut.out).bubbles(bubbles);
    for (int[][][] mm : matmuls) {
      for (BigInteger[] beat : MatmulBeat.pack(shape, mm[0], mm[1])) {
        s.send(beat[0], beat[1], beat[2]);
      }
    }
    return s.expectOutputs(matmuls.size() * shape.rows()).run();
  }
}

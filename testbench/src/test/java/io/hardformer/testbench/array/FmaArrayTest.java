package io.hardformer.testbench.array;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.hardformer.generators.array.AccumulationMode;
import io.hardformer.generators.array.FmaArray;
import io.hardformer.generators.array.FmaArrayShape;
import io.hardformer.generators.array.MatmulGolden;
import io.hardformer.generators.fp8.FloatPacker;
import io.hardformer.generators.numerics.Fp8Format;
import io.hardformer.testbench.Lanes;
import io.hardformer.testbench.Stream;
import io.hardformer.testbench.StreamRun;
import io.hardformer.testbench.Testbench;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream.Builder;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The FMA array in Verilator: every output bit-exact against {@link MatmulGolden} for several
 * shapes, both accumulation modes and both formats, K = 1, small K and K > 1024, matmuls back to
 * back with and without input bubbles; and the cycle contract of the manifest measured from cycle
 * stamps.
 */
@Tag("verilator")
class FmaArrayTest {
  static java.util.stream.Stream<Arguments> configs() {
    Builder<Arguments> b = java.util.stream.Stream.builder();
    int[][] shapes = {{1, 1}, {2, 3}, {4, 4}, {8, 8}, {16, 16}, {5, 3}};
    for (int[] s : shapes) {
      b.add(Arguments.of(s[0], s[1], Fp8Format.E4M3, AccumulationMode.EXACT, FloatPacker.FP32));
      b.add(Arguments.of(s[1], s[0], Fp8Format.E4M3, AccumulationMode.FP32, FloatPacker.FP32));
    }
    b.add(Arguments.of(2, 3, Fp8Format.E5M2, AccumulationMode.EXACT, FloatPacker.BF16));
    b.add(Arguments.of(4, 4, Fp8Format.E5M2, AccumulationMode.EXACT, FloatPacker.FP32));
    b.add(Arguments.of(4, 4, Fp8Format.E5M2, AccumulationMode.FP32, FloatPacker.BF16));
    b.add(Arguments.of(8, 8, Fp8Format.E5M2, AccumulationMode.FP32, FloatPacker.FP32));
    b.add(Arguments.of(4, 4, Fp8Format.E4M3, AccumulationMode.FP32, FloatPacker.BF16));
    return b.build();
  }

  @ParameterizedTest(name = "{0}x{1} {2} acc={3} out={4}")
  @MethodSource("configs")
  void everyOutputIsBitExact(
      int rows, int cols, Fp8Format f, AccumulationMode mode, FloatPacker out) {
    FmaArrayShape shape = FmaArrayShape.of(rows, cols, f, mode, out);
    MatrixSource src = new MatrixSource(f, rows * 1000L + cols * 10L + mode.ordinal());
    List<int[][][]> matmuls = new ArrayList<>();
    int[] ks = {1, 2, 3, 7, 1100, 1, 16, 5};
    MatrixSource.Kind[] kinds = MatrixSource.Kind.values();
    for (int m = 0; m < ks.length * 2; m++) {
      matmuls.add(src.matmul(kinds[m % kinds.length], rows, cols, ks[m % ks.length]));
    }
    FmaArray dut = new FmaArray(shape);
    try (Testbench tb = Testbench.of(dut)) {
      tb.reset();
      StreamRun run = send(tb, dut, rows, matmuls, 0.15);
      check(tb, shape, matmuls, run);
    }
  }

  @ParameterizedTest(name = "{0}x{1} {2} acc={3} K={4}")
  @MethodSource("timingConfigs")
  void cycleFormulaHoldsBackToBack(int rows, int cols, Fp8Format f, AccumulationMode mode, int k) {
    FmaArrayShape shape = FmaArrayShape.of(rows, cols, f, mode, FloatPacker.FP32);
    MatrixSource src = new MatrixSource(f, k);
    List<int[][][]> matmuls = new ArrayList<>();
    int count = 4;
    for (int m = 0; m < count; m++) {
      matmuls.add(src.matmul(MatrixSource.Kind.FINITE_WITH_SPECIALS, rows, cols, k));
    }
    FmaArray dut = new FmaArray(shape);
    try (Testbench tb = Testbench.of(dut)) {
      tb.reset();
      StreamRun run = send(tb, dut, rows, matmuls, 0);
      check(tb, shape, matmuls, run);
      long first = run.acceptCycle(0);
      int spacing = (int) Math.max(k, shape.minimumSpacing());
      for (int m = 0; m < count; m++) {
        long lastBeat = run.acceptCycle(m * k + k - 1);
        assertEquals(first + k - 1 + (long) m * spacing, lastBeat, "last beat of matmul " + m);
        for (int i = 0; i < rows; i++) {
          long expected = lastBeat + shape.latency() + i;
          long got = run.outputCycle(m * rows + i);
          if (got != expected) {
            tb.fail(
                "matmul "
                    + m
                    + " row "
                    + i
                    + " left in cycle "
                    + got
                    + ", the contract says "
                    + expected);
          }
        }
      }
      long total = run.outputCycle(count * rows - 1) - first + 1;
      assertEquals(shape.cyclesBackToBack(k, count), total, "cycles of " + count + " matmuls");
      if (count == 1 || k >= shape.minimumSpacing()) {
        assertEquals(
            shape.cyclesPerMatmul(k),
            run.outputCycle(rows - 1) - first + 1,
            "cycles of one matmul");
      }
    }
  }

  static java.util.stream.Stream<Arguments> timingConfigs() {
    return java.util.stream.Stream.of(
        Arguments.of(4, 4, Fp8Format.E4M3, AccumulationMode.EXACT, 1),
        Arguments.of(4, 4, Fp8Format.E4M3, AccumulationMode.EXACT, 9),
        Arguments.of(2, 3, Fp8Format.E4M3, AccumulationMode.FP32, 2),
        Arguments.of(2, 3, Fp8Format.E4M3, AccumulationMode.FP32, 40),
        Arguments.of(8, 8, Fp8Format.E4M3, AccumulationMode.FP32, 5),
        Arguments.of(8, 8, Fp8Format.E4M3, AccumulationMode.EXACT, 64),
        Arguments.of(16, 16, Fp8Format.E4M3, AccumulationMode.EXACT, 300),
        Arguments.of(5, 3, Fp8Format.E4M3, AccumulationMode.EXACT, 3));
  }

  @Test
  void manifestCarriesTheCycleContract() {
    FmaArrayShape shape =
        FmaArrayShape.of(4, 4, Fp8Format.E4M3, AccumulationMode.EXACT, FloatPacker.FP32);
    try (Testbench tb = Testbench.of(new FmaArray(shape))) {
      String manifest = tb.design().manifest();
      assertEquals(true, manifest.contains("\"latency\" : " + shape.latency()), manifest);
    }
  }

  /** Streams every beat of every matmul through the valid/ready input; returns the result rows. */
  static StreamRun send(
      Testbench tb, FmaArray dut, int rows, List<int[][][]> matmuls, double bubbles) {
    Stream s = tb.stream(dut.in, dut.out).bubbles(bubbles);
    for (int[][][] mm : matmuls) {
      int[][] x = mm[0];
      int[][] w = mm[1];
      int k = w.length;
      for (int t = 0; t < k; t++) {
        int[] xcol = new int[rows];
        for (int i = 0; i < rows; i++) {
          xcol[i] = x[i][t];
        }
        s.send(Lanes.pack8(xcol), Lanes.pack8(w[t]), BigInteger.valueOf(t == k - 1 ? 1 : 0));
      }
    }
    return s.expectOutputs(matmuls.size() * rows).run();
  }

  static void check(Testbench tb, FmaArrayShape shape, List<int[][][]> matmuls, StreamRun run) {
    int rows = shape.rows();
    int cols = shape.cols();
    int width = shape.outFormat().width();
    assertEquals(matmuls.size() * rows, run.outputCount(), "one output row per matrix row");
    for (int m = 0; m < matmuls.size(); m++) {
      long[][] y = MatmulGolden.multiply(shape, matmuls.get(m)[0], matmuls.get(m)[1]);
      for (int i = 0; i < rows; i++) {
        int index = m * rows + i;
        BigInteger[] got = run.output(index);
        for (int j = 0; j < cols; j++) {
          long v = Lanes.element(got[0], j, width);
          if (v != y[i][j]) {
            tb.failAt(
                run.outputCycle(index),
                String.format(
                    "%s: matmul %d (K=%d) y[%d][%d]: expected 0x%x, got 0x%x",
                    shape, m, matmuls.get(m)[1].length, i, j, y[i][j], v));
          }
        }
        assertEquals(
            i == rows - 1 ? 1 : 0, got[1].intValue(), "out_last of matmul " + m + " row " + i);
      }
    }
  }
}

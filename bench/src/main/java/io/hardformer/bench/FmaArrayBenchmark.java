package io.hardformer.bench;

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
import java.util.Random;

/**
 * Issue 5's utilization figure, measured in Verilator: {@code count} back-to-back matmuls of depth
 * K on an N x N array (default 64 x 64, K = 4096, 4 matmuls), FMA-busy cycles over total cycles
 * from the first accepted beat to the last result row, for the first matmul alone and for the whole
 * run; the first matmul's results are checked against the golden model. {@code bench/run array [N]
 * [K] [count]}.
 */
final class FmaArrayBenchmark {
  private FmaArrayBenchmark() {}

  static void run(String[] args) {
    int n = args.length > 1 ? Integer.parseInt(args[1]) : 64;
    int k = args.length > 2 ? Integer.parseInt(args[2]) : 4096;
    int count = args.length > 3 ? Integer.parseInt(args[3]) : 4;
    FmaArrayShape shape =
        FmaArrayShape.of(n, n, Fp8Format.E4M3, AccumulationMode.EXACT, FloatPacker.FP32);
    Random r = new Random(5);
    int[][][] x = new int[count][n][k];
    int[][][] w = new int[count][k][n];
    long t0 = System.nanoTime();
    try (Testbench tb = Testbench.of(new FmaArray(shape))) {
      long t1 = System.nanoTime();
      tb.reset();
      Stream s =
          tb.stream()
              .source("in_valid", "in_ready", "x", "w", "in_last")
              .sink("out_valid", null, "out", "out_last");
      for (int m = 0; m < count; m++) {
        for (int t = 0; t < k; t++) {
          int[] xcol = new int[n];
          for (int i = 0; i < n; i++) {
            x[m][i][t] = xcol[i] = finite(r);
            w[m][t][i] = finite(r);
          }
          s.send(Lanes.pack8(xcol), Lanes.pack8(w[m][t]), BigInteger.valueOf(t == k - 1 ? 1 : 0));
        }
      }
      long t2 = System.nanoTime();
      StreamRun run = s.expectOutputs(count * n).run();
      long t3 = System.nanoTime();
      long first = run.acceptCycle(0);
      long oneTotal = run.outputCycle(n - 1) - first + 1;
      long allTotal = run.outputCycle(count * n - 1) - first + 1;
      long[][] y = MatmulGolden.multiply(shape, x[0], w[0]);
      for (int i = 0; i < n; i++) {
        BigInteger row = run.output(i)[0];
        for (int j = 0; j < n; j++) {
          long v = Lanes.element(row, j, 32);
          if (v != y[i][j]) {
            throw new IllegalStateException(
                "y["
                    + i
                    + "]["
                    + j
                    + "] = 0x"
                    + Long.toHexString(v)
                    + ", golden 0x"
                    + Long.toHexString(y[i][j]));
          }
        }
      }
      String name = "fma-array " + n + "x" + n + " e4m3 exact, K=" + k;
      HarnessBenchmark.row(
          name + ": one matmul, cycles (formula " + shape.cyclesPerMatmul(k) + ")",
          Long.toString(oneTotal));
      HarnessBenchmark.row(
          name + ": one matmul, utilization", String.format("%.2f%%", 100.0 * k / oneTotal));
      HarnessBenchmark.row(
          name
              + ": "
              + count
              + " back-to-back matmuls, cycles (formula "
              + shape.cyclesBackToBack(k, count)
              + ")",
          Long.toString(allTotal));
      HarnessBenchmark.row(
          name + ": " + count + " back-to-back matmuls, utilization",
          String.format("%.2f%%", 100.0 * count * k / allTotal));
      HarnessBenchmark.row(
          name + ": model build (elaborate, emit, Verilate, compile) or cache hit",
          HarnessBenchmark.ms(t1 - t0));
      HarnessBenchmark.row(
          name + ": simulation, cycles/s", HarnessBenchmark.rate(allTotal / ((t3 - t2) / 1e9)));
    }
  }

  private static int finite(Random r) {
    while (true) {
      int c = r.nextInt(256);
      if ((c & 0x7F) != 0x7F) {
        return c;
      }
    }
  }
}

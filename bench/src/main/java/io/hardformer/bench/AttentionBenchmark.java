package io.hardformer.bench;

import io.hardformer.generators.attention.AttentionGolden;
import io.hardformer.generators.attention.AttentionShape;
import io.hardformer.generators.attention.AttentionUnit;
import io.hardformer.generators.fp8.FloatPacker;
import io.hardformer.generators.numerics.Fp8Format;
import io.hardformer.testbench.Lanes;
import io.hardformer.testbench.Stream;
import io.hardformer.testbench.StreamRun;
import io.hardformer.testbench.Testbench;
import java.math.BigInteger;
import java.util.Random;

/**
 * Issue 6's figure, measured in Verilator: cycles per decode step of the attention unit (default S
 * = 2048, D = 128, G = 8, two steps back to back), checked against the manifest formula and the
 * golden model, and what it implies in steps/s and Llama-3-70B tokens/s per unit at 1 GHz. {@code
 * bench/run attention [D] [G] [S]}.
 */
final class AttentionBenchmark {
  private AttentionBenchmark() {}

  static void run(String[] args) {
    int dim = args.length > 1 ? Integer.parseInt(args[1]) : 128;
    int g = args.length > 2 ? Integer.parseInt(args[2]) : 8;
    int s = args.length > 3 ? Integer.parseInt(args[3]) : 2048;
    AttentionShape shape = new AttentionShape(dim, g, Fp8Format.E4M3, FloatPacker.BF16);
    Random r = new Random(11);
    int steps = 2;
    int[][][] q = new int[steps][g][dim];
    int[][][] k = new int[steps][s][dim];
    int[][][] v = new int[steps][s][dim];
    long t0 = System.nanoTime();
    try (Testbench tb = Testbench.of(new AttentionUnit(shape))) {
      long t1 = System.nanoTime();
      tb.reset();
      Stream st =
          tb.stream()
              .source("in_valid", "in_ready", "q", "k", "v", "in_first", "in_last")
              .sink("out_valid", null, "out", "out_last");
      for (int j = 0; j < steps; j++) {
        for (int h = 0; h < g; h++) {
          for (int d = 0; d < dim; d++) {
            q[j][h][d] = code(r);
          }
        }
        BigInteger qb = Lanes.pack8(q[j]);
        for (int t = 0; t < s; t++) {
          for (int d = 0; d < dim; d++) {
            k[j][t][d] = code(r);
            v[j][t][d] = code(r);
          }
          st.send(
              qb,
              Lanes.pack8(k[j][t]),
              Lanes.pack8(v[j][t]),
              BigInteger.valueOf(t == 0 ? 1 : 0),
              BigInteger.valueOf(t == s - 1 ? 1 : 0));
        }
      }
      long t2 = System.nanoTime();
      StreamRun run = st.expectOutputs(steps * g).run();
      long t3 = System.nanoTime();
      long period = run.acceptCycle(s) - run.acceptCycle(0);
      long oneStep = run.outputCycle(g - 1) - run.acceptCycle(0) + 1;
      long[][] o = AttentionGolden.step(shape, q[0], k[0], v[0]);
      for (int h = 0; h < g; h++) {
        for (int d = 0; d < dim; d++) {
          long got = Lanes.element(run.output(h)[0], d, 16);
          if (got != o[h][d]) {
            throw new IllegalStateException(
                "head "
                    + h
                    + " o["
                    + d
                    + "] = 0x"
                    + Long.toHexString(got)
                    + ", golden 0x"
                    + Long.toHexString(o[h][d]));
          }
        }
      }
      String name = "attention D=" + dim + " G=" + g + " e4m3, S=" + s;
      HarnessBenchmark.row(
          name
              + ": cycles of one step, first pair to last head out (formula "
              + shape.cyclesPerStep(s)
              + ")",
          Long.toString(oneStep));
      HarnessBenchmark.row(
          name + ": cycles per decode step back to back (formula " + shape.stepPeriod(s) + ")",
          Long.toString(period));
      HarnessBenchmark.row(
          name + ": decode steps/s per unit at 1 GHz", String.format("%,.0f", 1e9 / period));
      HarnessBenchmark.row(
          name
              + ": Llama-3-70B tokens/s per unit at 1 GHz (80 layers x 8 KV heads = 640 steps/token)",
          String.format("%,.0f", 1e9 / period / 640));
      HarnessBenchmark.row(
          name + ": model build (elaborate, emit, Verilate, compile) or cache hit",
          HarnessBenchmark.ms(t1 - t0));
      HarnessBenchmark.row(
          name + ": simulation, cycles/s",
          HarnessBenchmark.rate(run.outputCycle(steps * g - 1) / ((t3 - t2) / 1e9)));
    }
  }

  private static int code(Random r) {
    while (true) {
      int c = r.nextInt(256);
      if ((c & 0x7F) != 0x7F) {
        return c;
      }
    }
  }
}

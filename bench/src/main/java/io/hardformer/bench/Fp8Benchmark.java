package io.hardformer.bench;

import io.hardformer.generators.fp8.FloatPacker;
import io.hardformer.generators.fp8.Fp8Dot;
import io.hardformer.generators.fp8.Fp8Mul;
import io.hardformer.generators.numerics.Fp8Arithmetic;
import io.hardformer.generators.numerics.Fp8Format;
import io.hardformer.testbench.Outputs;
import io.hardformer.testbench.Stimulus;
import io.hardformer.testbench.Testbench;
import java.util.Random;

/**
 * Issue 4's figures: the exhaustive fp8-mul check (warm cache) and fp8-dot vectors/s through the
 * harness.
 */
final class Fp8Benchmark {
  private Fp8Benchmark() {}

  static void run() {
    System.out.println("| measurement | result |");
    System.out.println("|---|---|");
    for (Fp8Format f : Fp8Format.values()) {
      long t0 = System.nanoTime();
      try (Testbench tb = Testbench.of(new Fp8Mul(f, 2))) {
        tb.reset();
        Stimulus st = tb.stimulus(65536 + 2);
        for (int v = 0; v < 65536; v++) {
          st.set(v, "in_valid", 1).set(v, "a", v >>> 8).set(v, "b", v & 0xFF);
        }
        Outputs out = tb.run(st, "out_valid");
        for (int v = 0; v < 65536; v++) {
          if (out.getLong(v, "out")
              != Integer.toUnsignedLong(Fp8Arithmetic.multiply(f, v >>> 8, v & 0xFF))) {
            throw new IllegalStateException("mismatch at " + v);
          }
        }
      }
      HarnessBenchmark.row(
          "exhaustive fp8-mul "
              + f.cliName()
              + " check (65,536 pairs, elaborate + emit + warm model"
              + " + run + compare), wall time",
          HarnessBenchmark.ms(System.nanoTime() - t0));
    }
    for (int lanes : new int[] {8, 32}) {
      int n = 1_000_000;
      try (Testbench tb = Testbench.of(new Fp8Dot(Fp8Format.E4M3, lanes, FloatPacker.FP32))) {
        tb.reset();
        Random r = new Random(3);
        Stimulus st = tb.stimulus(n);
        byte[] a = new byte[lanes];
        byte[] b = new byte[lanes];
        for (int c = 0; c < n; c++) {
          r.nextBytes(a);
          r.nextBytes(b);
          st.set(c, "in_valid", 1).setBytes(c, "a", a).setBytes(c, "b", b);
        }
        double best = 0;
        for (int rep = 0; rep < 3; rep++) {
          long t0 = System.nanoTime();
          tb.run(st, "out_valid");
          best = Math.max(best, n / ((System.nanoTime() - t0) / 1e9));
        }
        HarnessBenchmark.row(
            "fp8-dot e4m3, "
                + lanes
                + " lanes, exact, batch through the harness (best of 3), vectors/s",
            HarnessBenchmark.rate(best));
      }
    }
  }
}

package io.hardformer.bench;

import io.hardformer.generators.examples.AdderTree;
import io.hardformer.generators.examples.Pipeline;
import io.hardformer.rtl.EmitOptions;
import io.hardformer.rtl.EmittedDesign;
import io.hardformer.rtl.VerilogEmitter;
import io.hardformer.testbench.Outputs;
import io.hardformer.testbench.Stimulus;
import io.hardformer.testbench.Testbench;
import io.hardformer.testbench.TestbenchOptions;
import io.hardformer.verilator.HarnessSpec;
import io.hardformer.verilator.ModelCache;
import io.hardformer.verilator.Verilator;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Issue 3's figures: cold vs warm model builds, batch throughput against a hand-written C++
 * testbench on the same model, and the interactive poke/step/peek round-trip rate.
 */
final class HarnessBenchmark {
  private HarnessBenchmark() {}

  static void run() throws Exception {
    Path scratch = Files.createTempDirectory("hardformer-bench-");
    System.out.println("| measurement | result |");
    System.out.println("|---|---|");
    builds(scratch);
    throughput(scratch);
    interactive();
  }

  private static void builds(Path scratch) {
    EmittedDesign fresh =
        VerilogEmitter.emit(
            new Pipeline(8 + new Random().nextInt(1000), 3), EmitOptions.defaults());
    ModelCache cache = new ModelCache(scratch.resolve("cache"));
    HarnessSpec spec = HarnessSpec.of(fresh, false);
    long t0 = System.nanoTime();
    cache.get(fresh, spec);
    long cold = System.nanoTime() - t0;
    t0 = System.nanoTime();
    cache.get(fresh, spec);
    long warm = System.nanoTime() - t0;
    String ccache = System.getenv("CCACHE_DISABLE") != null ? "ccache disabled" : "ccache on";
    row("model build, new design, empty model cache (" + ccache + ")", ms(cold));
    row("model fetch, same design, warm model cache", ms(warm));
  }

  private static void throughput(Path scratch) throws Exception {
    int n = 2_000_000;
    // raw C++ on the same Verilated model
    EmittedDesign d = VerilogEmitter.emit(new AdderTree(8, 3), EmitOptions.defaults());
    Path dir = scratch.resolve("raw");
    d.writeTo(dir);
    try (InputStream in = HarnessBenchmark.class.getResourceAsStream("raw_adder_tree_tb.cpp")) {
      Files.write(dir.resolve("raw_tb.cpp"), in.readAllBytes());
    }
    List<String> args = new ArrayList<>(ModelCache.FLAGS);
    args.addAll(List.of("--top-module", "AdderTree", "-Mdir", "obj", "-o", "raw"));
    args.addAll(d.verilog().keySet());
    args.add("raw_tb.cpp");
    Verilator.get().tool().runOk(args, dir, 600);
    double rawRate = 0;
    for (int rep = 0; rep < 5; rep++) { // best of 5: the machine is shared
      ProcessBuilder pb =
          new ProcessBuilder(dir.resolve("obj/raw").toString(), Integer.toString(n));
      Process p = pb.start();
      String[] raw =
          new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII)
              .strip()
              .split(" ", -1);
      p.waitFor();
      rawRate = Math.max(rawRate, n / Double.parseDouble(raw[1]));
    }
    row("hand-written C++ testbench, AdderTree 8x3 (8 inputs), best of 5, cycles/s", rate(rawRate));

    try (Testbench tb = Testbench.of(new AdderTree(8, 3), TestbenchOptions.defaults())) {
      tb.reset();
      Stimulus st = tb.stimulus(n);
      Random r = new Random(1);
      for (int c = 0; c < n; c++) {
        for (int i = 0; i < 8; i++) {
          st.set(c, "x_" + i, r.nextInt(256));
        }
      }
      tb.run(tb.stimulus(1000)); // warm-up
      double rate = 0;
      for (int rep = 0; rep < 5; rep++) {
        long t0 = System.nanoTime();
        Outputs out = tb.run(st);
        double secs = (System.nanoTime() - t0) / 1e9;
        if (out.size() != n) {
          throw new IllegalStateException("expected " + n + " records, got " + out.size());
        }
        rate = Math.max(rate, n / secs);
      }
      row(
          "Hardformer batch (JVM -> harness -> JVM, all outputs every cycle), best of 5, cycles/s = vectors/s",
          rate(rate) + " (" + Math.round(100 * rate / rawRate) + "% of raw C++)");
    }
  }

  private static void interactive() {
    try (Testbench tb = Testbench.of(new AdderTree(8, 3))) {
      tb.reset();
      int n = 100_000;
      long t0 = System.nanoTime();
      long acc = 0;
      for (int i = 0; i < n; i++) {
        tb.poke("x_0", i & 0xFF).step();
        acc += tb.peekLong("sum");
      }
      double secs = (System.nanoTime() - t0) / 1e9;
      row(
          "interactive poke + step + peek (one round trip per cycle), cycles/s",
          rate(n / secs) + (acc < 0 ? "" : ""));
      t0 = System.nanoTime();
      for (int i = 0; i < n * 10; i++) {
        tb.poke("x_0", i & 0xFF).step();
      }
      tb.peekLong("sum");
      secs = (System.nanoTime() - t0) / 1e9;
      row(
          "interactive poke + step without peek (buffered, no round trip), cycles/s",
          rate(n * 10 / secs));
    }
  }

  static void row(String what, String value) {
    System.out.println("| " + what + " | " + value + " |");
  }

  static String ms(long nanos) {
    return String.format("%.0f ms", nanos / 1e6);
  }

  static String rate(double perSecond) {
    return perSecond >= 1e6
        ? String.format("%.2f M", perSecond / 1e6)
        : String.format("%.1f k", perSecond / 1e3);
  }
}

package io.hardformer.bench;

import io.hardformer.dsl.Module;
import io.hardformer.generators.array.AccumulationMode;
import io.hardformer.generators.array.FmaArray;
import io.hardformer.generators.array.FmaArrayShape;
import io.hardformer.generators.array.MatmulGolden;
import io.hardformer.generators.array.RowPorts;
import io.hardformer.generators.attention.AttentionGolden;
import io.hardformer.generators.attention.AttentionShape;
import io.hardformer.generators.attention.AttentionUnit;
import io.hardformer.generators.fp8.FloatPacker;
import io.hardformer.generators.numerics.Fp8Format;
import io.hardformer.testbench.Lanes;
import io.hardformer.testbench.Stream;
import io.hardformer.testbench.StreamRun;
import io.hardformer.testbench.Testbench;
import io.hardformer.testbench.TestbenchOptions;
import io.hardformer.verilator.BuildProfile;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Issue 18's Verilator figures: for each design (fma-array R x C E4M3/FP32, the D = 128, G = 8
 * attention unit) a cold model build into a fresh model cache, then a fixed stimulus through the
 * harness: a K = 128 matmul (or an S = 256 decode step) repeated to about {@code --cycles} cycles,
 * the first result checked against the golden model. Reports the build's wall and CPU time (the
 * JVM's waited-for children: Verilator, make, g++), the C++ Verilator generated, the run's cycles/s
 * by wall time and by the model process's CPU time (steadier on a shared machine) and the run's
 * model-process CPU per cycle minus that of the same model stepped idle as many cycles: an upper
 * bound of the harness's per-cycle work, since an idle design also skips its enabled registers.
 * {@code bench/run verilator-scale [16x16 32x32 64x64 attention] [--cycles N] [--profile
 * build-fast|run-fast|run-fastest] [--row-ports wired|registered] [--folded]} (the arrays' {@code
 * fma-array --row-ports}; {@code --folded}: models built from the folded simulation view, {@link
 * TestbenchOptions#withFoldedView}); run it with {@code CCACHE_DISABLE=1} for truly cold builds.
 */
final class VerilatorScaleBenchmark {
  private static final int K = 128;
  private static final int KEYS = 256;
  private static final Pattern BUILD_LINE =
      Pattern.compile("C\\+\\+ (\\d+) files (\\d+) lines (\\d+) bytes");

  private VerilatorScaleBenchmark() {}

  static void run(String[] args) throws IOException {
    List<String> designs = new ArrayList<>();
    long cycles = 100_000;
    BuildProfile profile = BuildProfile.BUILD_FAST;
    RowPorts rowPorts = RowPorts.WIRED;
    boolean folded = false;
    for (int i = 1; i < args.length; i++) {
      switch (args[i]) {
        case "--cycles" -> cycles = Long.parseLong(args[++i]);
        case "--profile" ->
            profile = BuildProfile.valueOf(args[++i].toUpperCase(Locale.ROOT).replace('-', '_'));
        case "--row-ports" -> rowPorts = RowPorts.parse(args[++i]);
        case "--folded" -> folded = true;
        default -> designs.add(args[i]);
      }
    }
    if (designs.isEmpty()) {
      designs = List.of("16x16", "32x32", "64x64", "attention");
    }
    System.out.printf(
        "ccache: %s; profile %s%s; load average before: %s%n%n",
        System.getenv("CCACHE_DISABLE") != null ? "disabled (CCACHE_DISABLE)" : "as installed",
        profile,
        folded ? "; folded view" : "",
        loadAverage());
    System.out.println(
        "| design | build wall s | build CPU s | C++ files / lines / MB | cycles | run wall s"
            + " | model CPU s | cycles/s (wall) | cycles/CPU-s | stream - idle steps, CPU ns/cycle"
            + " | load |");
    System.out.println("|---|---|---|---|---|---|---|---|---|---|---|");
    for (String d : designs) {
      measure(d, cycles, profile, rowPorts, folded);
    }
  }

  private static void measure(
      String design, long cycles, BuildProfile profile, RowPorts rowPorts, boolean folded)
      throws IOException {
    Path scratch = Files.createTempDirectory("hardformer-verilator-scale-");
    String before = System.getProperty("hardformer.cache");
    System.setProperty("hardformer.cache", scratch.toString());
    try {
      Module top;
      Workload work;
      if (design.equals("attention")) {
        AttentionShape shape = new AttentionShape(128, 8, Fp8Format.E4M3, FloatPacker.BF16);
        top = new AttentionUnit(shape);
        work = new AttentionWorkload(shape, cycles);
      } else {
        String[] rc = design.split("x", -1);
        FmaArrayShape shape =
            FmaArrayShape.of(
                    Integer.parseInt(rc[0]),
                    Integer.parseInt(rc[1]),
                    Fp8Format.E4M3,
                    AccumulationMode.FP32,
                    FloatPacker.FP32)
                .withRowPorts(rowPorts);
        top = new FmaArray(shape);
        work = new ArrayWorkload(shape, cycles);
      }
      TestbenchOptions options =
          TestbenchOptions.defaults()
              .withBuildProfile(profile)
              .withCycleLimit(10 * cycles)
              .withFoldedView(folded);
      double cpu0 = childCpuSeconds();
      long t0 = System.nanoTime();
      try (Testbench tb = Testbench.of(top, options)) {
        double buildWall = (System.nanoTime() - t0) / 1e9;
        double buildCpu = childCpuSeconds() - cpu0;
        String cxx = cxxSize(scratch);
        tb.reset();
        tb.peekLong("out_valid"); // the model process is running: its CPU time can be read
        ProcessHandle model = modelProcess();
        Stream s = work.stream(tb);
        long t1 = System.nanoTime();
        double c1 = cpuSeconds(model);
        StreamRun run = s.run();
        double runSeconds = (System.nanoTime() - t1) / 1e9;
        double runCpu = cpuSeconds(model) - c1;
        work.check(run);
        long simulated = run.outputCycle(run.outputCount() - 1) - run.acceptCycle(0) + 1;
        double c2 = cpuSeconds(model);
        tb.step(simulated);
        tb.peekLong("out_valid"); // steps are buffered: a peek waits for them
        double stepCpu = cpuSeconds(model) - c2;
        System.out.printf(
            Locale.ROOT,
            "| %s | %.1f | %.1f | %s | %,d | %.2f | %.2f | %s | %s | %.0f | %s |%n",
            work.name(),
            buildWall,
            buildCpu,
            cxx,
            simulated,
            runSeconds,
            runCpu,
            HarnessBenchmark.rate(simulated / runSeconds),
            HarnessBenchmark.rate(simulated / runCpu),
            (runCpu - stepCpu) / simulated * 1e9,
            loadAverage());
      }
    } finally {
      if (before == null) {
        System.clearProperty("hardformer.cache");
      } else {
        System.setProperty("hardformer.cache", before);
      }
      RtlModelSpeedBenchmark.deleteTree(scratch);
    }
  }

  /** The C++ size the model cache recorded for its one build. */
  private static String cxxSize(Path cache) throws IOException {
    Matcher m = BUILD_LINE.matcher(Files.readString(cache.resolve("builds.log")));
    if (!m.find()) {
      return "?";
    }
    return String.format(
        Locale.ROOT,
        "%s / %,d / %.1f",
        m.group(1),
        Long.parseLong(m.group(2)),
        Long.parseLong(m.group(3)) / 1e6);
  }

  /** CPU seconds (user + system) of this JVM's finished, waited-for child processes. */
  private static double childCpuSeconds() throws IOException {
    String stat = Files.readString(Path.of("/proc/self/stat"));
    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ", -1);
    // fields 16 and 17 of /proc/PID/stat (cutime, cstime), counted after the command name
    return (Long.parseLong(f[13]) + Long.parseLong(f[14])) / 100.0;
  }

  /** The model's harness process: this JVM's one child running the cached executable. */
  private static ProcessHandle modelProcess() {
    return ProcessHandle.current()
        .children()
        .filter(p -> p.info().command().map(c -> c.endsWith("/sim")).orElse(false))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("no running model process"));
  }

  /** CPU seconds (user + system) a running process has used so far. */
  private static double cpuSeconds(ProcessHandle p) throws IOException {
    String stat = Files.readString(Path.of("/proc/" + p.pid() + "/stat"));
    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ", -1);
    // fields 14 and 15 of /proc/PID/stat (utime, stime), counted after the command name
    return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0;
  }

  private static String loadAverage() throws IOException {
    return Files.readString(Path.of("/proc/loadavg")).split(" ", -1)[0];
  }

  /** A fixed stimulus for one design and its golden check. */
  private interface Workload {
    String name();

    Stream stream(Testbench tb);

    void check(StreamRun run);
  }

  /** A K = 128 matmul of random finite E4M3 operands, sent back to back until ~cycles. */
  private static final class ArrayWorkload implements Workload {
    private final FmaArrayShape shape;
    private final int repeats;
    private final int[][] x;
    private final int[][] w;

    ArrayWorkload(FmaArrayShape shape, long cycles) {
      this.shape = shape;
      this.repeats = (int) Math.max(1, cycles / Math.max(K, shape.minimumSpacing()));
      Random r = new Random(18);
      x = new int[shape.rows()][K];
      w = new int[K][shape.cols()];
      for (int t = 0; t < K; t++) {
        for (int i = 0; i < shape.rows(); i++) {
          x[i][t] = finite(r);
        }
        for (int j = 0; j < shape.cols(); j++) {
          w[t][j] = finite(r);
        }
      }
    }

    @Override
    public String name() {
      return "fma-array "
          + shape.rows()
          + "x"
          + shape.cols()
          + " E4M3/FP32, K="
          + K
          + (shape.rowPorts() == RowPorts.REGISTERED ? ", --row-ports registered" : "");
    }

    @Override
    public Stream stream(Testbench tb) {
      Stream s =
          tb.stream()
              .source("in_valid", "in_ready", "x", "w", "in_last")
              .sink("out_valid", null, "out", "out_last");
      BigInteger[][] beats = new BigInteger[K][];
      for (int t = 0; t < K; t++) {
        int[] xcol = new int[shape.rows()];
        for (int i = 0; i < shape.rows(); i++) {
          xcol[i] = x[i][t];
        }
        beats[t] =
            new BigInteger[] {
              Lanes.pack8(xcol), Lanes.pack8(w[t]), BigInteger.valueOf(t == K - 1 ? 1 : 0)
            };
      }
      for (int m = 0; m < repeats; m++) {
        for (BigInteger[] b : beats) {
          s.send(b);
        }
      }
      return s.expectOutputs(repeats * shape.rows());
    }

    @Override
    public void check(StreamRun run) {
      long[][] y = MatmulGolden.multiply(shape, x, w);
      for (int i = 0; i < shape.rows(); i++) {
        BigInteger row = run.output(i)[0];
        for (int j = 0; j < shape.cols(); j++) {
          long v = Lanes.element(row, j, 32);
          if (v != y[i][j]) {
            throw new IllegalStateException(
                name() + ": y[" + i + "][" + j + "] = " + v + ", golden " + y[i][j]);
          }
        }
      }
    }
  }

  /** An S = 256 decode step of random finite E4M3 q, k, v, repeated until ~cycles. */
  private static final class AttentionWorkload implements Workload {
    private final AttentionShape shape;
    private final int repeats;
    private final int[][] q;
    private final int[][] k;
    private final int[][] v;

    AttentionWorkload(AttentionShape shape, long cycles) {
      this.shape = shape;
      this.repeats = (int) Math.max(1, cycles / shape.stepPeriod(KEYS));
      Random r = new Random(18);
      q = new int[shape.qHeads()][shape.headDim()];
      k = new int[KEYS][shape.headDim()];
      v = new int[KEYS][shape.headDim()];
      for (int[] row : q) {
        fill(row, r);
      }
      for (int t = 0; t < KEYS; t++) {
        fill(k[t], r);
        fill(v[t], r);
      }
    }

    @Override
    public String name() {
      return "attention D="
          + shape.headDim()
          + " G="
          + shape.qHeads()
          + " E4M3, BF16 out, S="
          + KEYS;
    }

    @Override
    public Stream stream(Testbench tb) {
      Stream s =
          tb.stream()
              .source("in_valid", "in_ready", "q", "k", "v", "in_first", "in_last")
              .sink("out_valid", null, "out", "out_last");
      BigInteger qb = Lanes.pack8(q);
      BigInteger[][] beats = new BigInteger[KEYS][];
      for (int t = 0; t < KEYS; t++) {
        beats[t] =
            new BigInteger[] {
              qb,
              Lanes.pack8(k[t]),
              Lanes.pack8(v[t]),
              BigInteger.valueOf(t == 0 ? 1 : 0),
              BigInteger.valueOf(t == KEYS - 1 ? 1 : 0)
            };
      }
      for (int m = 0; m < repeats; m++) {
        for (BigInteger[] b : beats) {
          s.send(b);
        }
      }
      return s.expectOutputs(repeats * shape.qHeads());
    }

    @Override
    public void check(StreamRun run) {
      long[][] o = AttentionGolden.step(shape, q, k, v);
      for (int h = 0; h < shape.qHeads(); h++) {
        for (int d = 0; d < shape.headDim(); d++) {
          long got = Lanes.element(run.output(h)[0], d, 16);
          if (got != o[h][d]) {
            throw new IllegalStateException(
                name() + ": head " + h + " o[" + d + "] = " + got + ", golden " + o[h][d]);
          }
        }
      }
    }
  }

  private static void fill(int[] row, Random r) {
    for (int i = 0; i < row.length; i++) {
      row[i] = finite(r);
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

package io.hardformer.bench;

import com.sun.management.OperatingSystemMXBean;
import io.hardformer.dsl.Module;
import io.hardformer.dsl.elaborate.Design;
import io.hardformer.dsl.elaborate.Elaborator;
import io.hardformer.rtl.EmitOptions;
import io.hardformer.rtl.EmittedDesign;
import io.hardformer.rtl.VerilogEmitter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Elaborate + emit as a user's first command: each size runs in a fresh JVM (no warm-up), timed
 * from process start to exit. {@code bench/run fresh [kind] [sizes...] [-X...]}, kind {@code
 * mac-all-out} (default: the peers' design, {@link MacArrayAllOutputs}) or an {@link
 * ElaborationBenchmark} kind such as {@code fma-e4m3-fp32}; sizes default to 16 64 128; arguments
 * starting with {@code -X} are passed to the child JVMs (to measure launcher options such as {@code
 * -XX:+UseSerialGC}). Prints one Markdown row per size: wall time, CPU time (user + sys of all the
 * JVM's threads), the main thread's CPU and allocated megabytes per phase, peak RSS ({@code VmHWM})
 * and the 1-minute load average when the run started, because on a shared machine wall time alone
 * says little.
 */
final class FreshJvmElaboration {
  private FreshJvmElaboration() {}

  static void run(String[] args) throws Exception {
    String kind = args.length > 1 && args[1].matches("[a-z][a-z0-9-]*") ? args[1] : "mac-all-out";
    List<Integer> sizes = new ArrayList<>();
    List<String> jvmOptions = new ArrayList<>();
    for (int i = 1; i < args.length; i++) {
      if (args[i].matches("\\d+")) {
        sizes.add(Integer.parseInt(args[i]));
      } else if (args[i].startsWith("-X")) {
        jvmOptions.add(args[i]);
      }
    }
    if (sizes.isEmpty()) {
      sizes = List.of(16, 64, 128);
    }
    String java = ProcessHandle.current().info().command().orElse("java");
    String jar =
        Path.of(
                FreshJvmElaboration.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI())
            .toString();
    System.out.println(
        "JVM options: " + (jvmOptions.isEmpty() ? "none" : String.join(" ", jvmOptions)));
    System.out.println();
    System.out.println(
        "| design | array | wall s | CPU s (user+sys)"
            + " | main thread CPU s: construct/elaborate/emit/write | peak RSS MiB | Verilog KiB"
            + " | main thread MB allocated: construct/elaborate/emit/write | load avg (1 min) |");
    System.out.println("|---|---|---|---|---|---|---|---|---|");
    for (int n : sizes) {
      String load = loadAverage();
      Path out = Files.createTempDirectory("hardformer-fresh-");
      List<String> command = new ArrayList<>(List.of(java));
      command.addAll(jvmOptions);
      command.addAll(
          List.of(
              "-cp",
              jar,
              BenchMain.class.getName(),
              "elaborate-once",
              kind,
              Integer.toString(n),
              out.toString()));
      ProcessBuilder pb = new ProcessBuilder(command);
      pb.redirectError(ProcessBuilder.Redirect.INHERIT);
      long t0 = System.nanoTime();
      Process p = pb.start();
      String report =
          new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
      int rc = p.waitFor();
      double wall = (System.nanoTime() - t0) / 1e9;
      if (rc != 0) {
        throw new IllegalStateException(kind + " " + n + "x" + n + " failed with exit code " + rc);
      }
      String[] f =
          report.split(" ", -1); // CPU s, peak RSS KiB, Verilog bytes, per-phase CPU s and MB
      System.out.printf(
          "| %s | %dx%d | %.2f | %.2f | %s | %d | %d | %s | %s |%n",
          kind,
          n,
          n,
          wall,
          Double.parseDouble(f[0]),
          f[3],
          Long.parseLong(f[1]) / 1024,
          Long.parseLong(f[2]) / 1024,
          f[4],
          load);
      deleteTree(out);
    }
  }

  /**
   * The child: builds, elaborates, emits and writes one design, then reports process CPU s, VmHWM
   * KiB, Verilog bytes, and the main thread's CPU s in each phase (construct, elaborate, emit,
   * write).
   */
  static void once(String[] args) throws Exception {
    String kind = args[1];
    int n = Integer.parseInt(args[2]);
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    // bytes allocated by this thread: exact and independent of the machine's load, unlike RSS
    com.sun.management.ThreadMXBean allocations = (com.sun.management.ThreadMXBean) threads;
    long self = Thread.currentThread().getId();
    long a0 = allocations.getThreadAllocatedBytes(self);
    long c0 = threads.getCurrentThreadCpuTime();
    Module top =
        kind.equals("mac-all-out")
            ? new MacArrayAllOutputs(n, n)
            : ElaborationBenchmark.array(kind, n);
    long c1 = threads.getCurrentThreadCpuTime();
    long a1 = allocations.getThreadAllocatedBytes(self);
    Design design = Elaborator.elaborate(top);
    long c2 = threads.getCurrentThreadCpuTime();
    long a2 = allocations.getThreadAllocatedBytes(self);
    EmittedDesign emitted = VerilogEmitter.emit(design, EmitOptions.defaults());
    long c3 = threads.getCurrentThreadCpuTime();
    long a3 = allocations.getThreadAllocatedBytes(self);
    emitted.writeTo(Path.of(args[3]));
    long c4 = threads.getCurrentThreadCpuTime();
    long a4 = allocations.getThreadAllocatedBytes(self);
    long bytes = 0;
    for (String text : emitted.verilog().values()) {
      bytes += text.length();
    }
    OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    System.out.printf(
        "%.3f %d %d %.2f/%.2f/%.2f/%.2f %.0f/%.0f/%.0f/%.0f%n",
        os.getProcessCpuTime() / 1e9,
        peakRssKiB(),
        bytes,
        (c1 - c0) / 1e9,
        (c2 - c1) / 1e9,
        (c3 - c2) / 1e9,
        (c4 - c3) / 1e9,
        (a1 - a0) / 1e6,
        (a2 - a1) / 1e6,
        (a3 - a2) / 1e6,
        (a4 - a3) / 1e6);
  }

  private static long peakRssKiB() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("VmHWM:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    return -1;
  }

  private static String loadAverage() throws IOException {
    Path p = Path.of("/proc/loadavg");
    return Files.exists(p) ? Files.readString(p).split(" ", -1)[0] : "n/a";
  }

  private static void deleteTree(Path dir) throws IOException {
    try (var paths = Files.walk(dir)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(q -> q.toFile().delete());
    }
  }
}

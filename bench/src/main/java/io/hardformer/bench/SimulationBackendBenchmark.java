package io.hardformer.bench;

import io.hardformer.dsl.elaborate.Design;
import io.hardformer.dsl.elaborate.Elaborator;
import io.hardformer.dsl.sim.CycleSimulator;
import io.hardformer.dsl.sim.IrSimulator;
import io.hardformer.generators.catalog.ConfiguredGenerator;
import io.hardformer.generators.catalog.Generator;
import io.hardformer.generators.catalog.GeneratorCatalog;
import io.hardformer.jit.JitSimulator;
import io.hardformer.rtl.EmitOptions;
import io.hardformer.rtl.EmittedDesign;
import io.hardformer.rtl.PortInfo;
import io.hardformer.rtl.VerilogEmitter;
import io.hardformer.testbench.Outputs;
import io.hardformer.testbench.Stimulus;
import io.hardformer.testbench.Testbench;
import io.hardformer.testbench.TestbenchOptions;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Issue 18's Java simulation backends: for fma-array R x C (E4M3, FP32 accumulation) and attention
 * (D = 128, G = 8), one fixed stimulus (reset in cycle 0, then seeded random values on every input)
 * of a short test's length run on the IR interpreter, on the JIT backend (bytecode compile time,
 * then the same cycles, then them again with HotSpot warm) and on Verilator (model build into an
 * empty cache (cold; ccache as the machine has it), the same build from the cache (cached), then
 * the run). Every backend pokes every input and reads every output in every cycle; the JIT's and
 * Verilator's outputs are compared cycle by cycle. {@code bench/run sim-backends [cycles]
 * [designs...]}, designs {@code RxC} or {@code attention}; the interpreter stops after 20 s and
 * reports its rate.
 */
final class SimulationBackendBenchmark {
  private SimulationBackendBenchmark() {}

  private static final long INTERPRETER_BUDGET_NANOS = 20_000_000_000L;
  private static final long JIT_BUDGET_NANOS = 120_000_000_000L;

  static void run(String[] args) throws IOException {
    int cycles = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
    List<String> designs =
        args.length > 2
            ? List.of(args).subList(2, args.length)
            : List.of("4x4", "16x16", "32x32", "64x64", "attention");
    System.out.println(
        "| design | cycles | elaborate | IR interpreter cycles/s (wall / cpu) | JIT compile |"
            + " JIT run | JIT cycles/s per cpu s, run / again | JIT compile + run | Verilator build"
            + " cold | Verilator build cached | Verilator run | Verilator cycles/s per cpu s |"
            + " Verilator cold build + run | Verilator cached + run | JIT = Verilator, every"
            + " output every cycle |");
    System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
    System.out.println(
        "| (times: wall / CPU of the JVM and its children, so load on the machine inflates wall"
            + " only) |||||||||||||||");
    for (String d : designs) {
      design(d, cycles);
    }
  }

  private static ConfiguredGenerator<?> generator(String d) {
    GeneratorCatalog catalog = GeneratorCatalog.load();
    Map<String, Object> o = new HashMap<>();
    String name;
    if (d.equals("attention")) {
      name = "attention";
      o.put("headDim", 128);
      o.put("qHeads", 8);
      o.put("format", "e4m3");
    } else {
      String[] p = d.split("x", -1);
      name = "fma-array";
      o.put("rows", Integer.parseInt(p[0]));
      o.put("cols", Integer.parseInt(p[1]));
      o.put("format", "e4m3");
      o.put("acc", "fp32");
    }
    Generator<?> g = catalog.find(name).orElseThrow();
    return ConfiguredGenerator.of(g, o);
  }

  /** Wall and CPU time of one phase, nanoseconds. */
  private record Span(long wall, long cpu) {
    String show() {
      return HarnessBenchmark.ms(wall) + " / " + HarnessBenchmark.ms(cpu);
    }

    Span plus(Span o) {
      return new Span(wall + o.wall, cpu + o.cpu);
    }

    Span times(double f) {
      return new Span((long) (wall * f), (long) (cpu * f));
    }
  }

  /** A running phase: wall clock and CPU of this JVM and its waited-for children. */
  private static final class Clock {
    private final long wall = System.nanoTime();
    private final long cpu = processCpu();

    Span stop() {
      return new Span(System.nanoTime() - wall, processCpu() - cpu);
    }
  }

  /**
   * CPU time of this process (every thread: HotSpot's compilers and GC included) and of its
   * children once waited for (Verilator, make, g++, the model process), from /proc/self/stat in
   * clock ticks of 10 ms.
   */
  static long processCpu() {
    try {
      String stat = Files.readString(Path.of("/proc/self/stat"));
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ", -1);
      // fields 14..17 of stat (utime, stime, cutime, cstime) are 11..14 after the command
      long ticks = 0;
      for (int i = 11; i <= 14; i++) {
        ticks += Long.parseLong(f[i]);
      }
      return ticks * 10_000_000L;
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }

  private static void design(String d, int cycles) throws IOException {
    Clock e0 = new Clock();
    Design design = Elaborator.elaborate(generator(d).build());
    Span elaborate = e0.stop();
    EmittedDesign emitted = VerilogEmitter.emit(design, EmitOptions.defaults());
    List<PortInfo> ins = new ArrayList<>();
    List<PortInfo> outs = new ArrayList<>();
    for (PortInfo p : emitted.ports()) {
      if (p.name().equals("clk")) {
        continue;
      }
      (p.isInput() ? ins : outs).add(p);
    }
    BigInteger[][] stimulus = stimulus(ins, cycles);

    // IR interpreter: as many of the cycles as fit its budget
    IrSimulator ir = new IrSimulator(design);
    Clock i0 = new Clock();
    int irCycles = 0;
    while (irCycles < cycles && System.nanoTime() - i0.wall < INTERPRETER_BUDGET_NANOS) {
      cycle(ir, ins, outs, stimulus[irCycles], null);
      irCycles++;
    }
    Span irRun = i0.stop();
    System.err.printf("%s: IR interpreter %d cycles in %s%n", d, irCycles, irRun.show());

    // JIT: compile, the cycles once (HotSpot compiling the chunks as they get hot), then again
    Clock j0 = new Clock();
    JitSimulator jit = new JitSimulator(design);
    Span compile = j0.stop();
    BigInteger[][] jitOut = new BigInteger[cycles][];
    Clock j1 = new Clock();
    int jitCycles = 0;
    while (jitCycles < cycles && System.nanoTime() - j1.wall < JIT_BUDGET_NANOS) {
      jitOut[jitCycles] = cycle(jit, ins, outs, stimulus[jitCycles], new BigInteger[outs.size()]);
      jitCycles++;
    }
    Span jitFirst = j1.stop();
    Clock j2 = new Clock();
    int warmCycles = 0;
    while (warmCycles < jitCycles && System.nanoTime() - j2.wall < JIT_BUDGET_NANOS) {
      cycle(jit, ins, outs, stimulus[warmCycles], null);
      warmCycles++;
    }
    Span jitAgain = j2.stop();
    System.err.printf(
        "%s: JIT %d classes, compile %s, first %d cycles %s, again %d cycles %s%n",
        d,
        jit.chunkCount(),
        compile.show(),
        jitCycles,
        jitFirst.show(),
        warmCycles,
        jitAgain.show());

    // Verilator: cold build into an empty cache, then the cached build, then the run
    Path cache = Files.createTempDirectory("hardformer-sim-backends-");
    String before = System.getProperty("hardformer.cache");
    System.setProperty("hardformer.cache", cache.toString());
    Span cold = null;
    Span cached = null;
    Span run = null;
    String failed = null;
    boolean agree = true;
    try {
      Clock v0 = new Clock();
      try (Testbench tb = Testbench.of(emitted, TestbenchOptions.defaults())) {
        cold = v0.stop();
      }
      Clock v1 = new Clock();
      Testbench tb = Testbench.of(emitted, TestbenchOptions.defaults());
      cached = v1.stop();
      Clock v2 = new Clock();
      Stimulus st = tb.stimulus(cycles);
      for (int c = 0; c < cycles; c++) {
        for (int k = 0; k < ins.size(); k++) {
          st.set(c, ins.get(k).name(), stimulus[c][k]);
        }
      }
      Outputs o = tb.run(st);
      tb.close();
      run = v2.stop();
      for (int c = 0; c < jitCycles; c++) {
        for (int k = 0; k < outs.size(); k++) {
          agree &= o.get(c, outs.get(k).name()).equals(jitOut[c][k]);
        }
      }
    } catch (RuntimeException e) {
      // a model that cannot be built here (Verilator's time limit) is a row of the table
      failed = "not built: " + String.valueOf(e.getMessage()).split(": /", -1)[0];
    } finally {
      if (before == null) {
        System.clearProperty("hardformer.cache");
      } else {
        System.setProperty("hardformer.cache", before);
      }
      deleteTree(cache);
    }
    double scale = cycles / (double) jitCycles; // the JIT's run projected to all the cycles
    Span jitRun = jitFirst.times(scale);
    if (failed != null) {
      System.out.printf(
          "| %s | %,d | %s | %s / %s | %s | %s%s | %s / %s | %s | %s |||||| - |%n",
          label(d),
          cycles,
          elaborate.show(),
          perSecond(irCycles / (irRun.wall() / 1e9)),
          perSecond(irCycles / (irRun.cpu() / 1e9)),
          compile.show(),
          jitRun.show(),
          jitCycles < cycles ? " (" + jitCycles + " cycles run, projected)" : "",
          perSecond(jitCycles / (jitFirst.cpu() / 1e9)),
          perSecond(warmCycles / (jitAgain.cpu() / 1e9)),
          compile.plus(jitRun).show(),
          failed);
      return;
    }
    System.out.printf(
        "| %s | %,d | %s | %s / %s | %s | %s%s | %s / %s | %s | %s | %s | %s | %s | %s | %s |"
            + " %s |%n",
        label(d),
        cycles,
        elaborate.show(),
        perSecond(irCycles / (irRun.wall() / 1e9)),
        perSecond(irCycles / (irRun.cpu() / 1e9)),
        compile.show(),
        jitRun.show(),
        jitCycles < cycles ? " (" + jitCycles + " cycles run, projected)" : "",
        perSecond(jitCycles / (jitFirst.cpu() / 1e9)),
        perSecond(warmCycles / (jitAgain.cpu() / 1e9)),
        compile.plus(jitRun).show(),
        cold.show(),
        cached.show(),
        run.show(),
        perSecond(cycles / (run.cpu() / 1e9)),
        cold.plus(run).show(),
        cached.plus(run).show(),
        agree ? "yes (" + jitCycles + " cycles)" : "NO");
  }

  private static String label(String d) {
    return d.equals("attention")
        ? "attention D=128 G=8 E4M3"
        : "fma-array " + d + " E4M3, FP32 acc";
  }

  private static String perSecond(double rate) {
    return rate >= 1e3 ? HarnessBenchmark.rate(rate) : String.format("%.1f", rate);
  }

  /** Reset in cycle 0, then seeded random values on every input. */
  private static BigInteger[][] stimulus(List<PortInfo> ins, int cycles) {
    Random r = new Random(18);
    BigInteger[][] s = new BigInteger[cycles][ins.size()];
    for (int c = 0; c < cycles; c++) {
      for (int k = 0; k < ins.size(); k++) {
        PortInfo p = ins.get(k);
        s[c][k] =
            p.name().equals("rst")
                ? BigInteger.valueOf(c == 0 ? 1 : 0)
                : new BigInteger(p.width(), r);
      }
    }
    return s;
  }

  /** Pokes one cycle's inputs, reads every output (into {@code out} when given), steps. */
  private static BigInteger[] cycle(
      CycleSimulator sim,
      List<PortInfo> ins,
      List<PortInfo> outs,
      BigInteger[] values,
      BigInteger[] out) {
    for (int k = 0; k < ins.size(); k++) {
      sim.poke(ins.get(k).name(), values[k]);
    }
    for (int k = 0; k < outs.size(); k++) {
      BigInteger v = sim.peek(outs.get(k).name());
      if (out != null) {
        out[k] = v;
      }
    }
    sim.step();
    return out;
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}

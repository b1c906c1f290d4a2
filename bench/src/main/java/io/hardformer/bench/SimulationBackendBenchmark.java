package io.hardformer.bench;

import io.hardformer.dsl.elaborate.Design;
import io.hardformer.dsl.elaborate.Elaborator;
import io.hardformer.dsl.sim.CycleSimulator;
import io.hardformer.dsl.sim.IrSimulator;
import io.hardformer.dsl.sim.JitSimulator;
import io.hardformer.generators.catalog.ConfiguredGenerator;
import io.hardformer.generators.catalog.Generator;
import io.hardformer.generators.catalog.GeneratorCatalog;
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

  static void run(String[] args) throws IOException {
    int cycles = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
    List<String> designs =
        args.length > 2
            ? List.of(args).subList(2, args.length)
            : List.of("4x4", "16x16", "32x32", "64x64", "attention");
    System.out.println(
        "| design | cycles | elaborate | IR interpreter cycles/s | JIT compile | JIT run (first)"
            + " | JIT cycles/s (warm) | JIT total | Verilator build cold | Verilator build cached"
            + " | Verilator run | Verilator cycles/s | Verilator cold total | Verilator cached total"
            + " | JIT = Verilator |");
    System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
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

  private static void design(String d, int cycles) throws IOException {
    long t0 = System.nanoTime();
    Design design = Elaborator.elaborate(generator(d).build());
    long elaborate = System.nanoTime() - t0;
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
    long t1 = System.nanoTime();
    int irCycles = 0;
    while (irCycles < cycles && System.nanoTime() - t1 < INTERPRETER_BUDGET_NANOS) {
      cycle(ir, ins, outs, stimulus[irCycles], null);
      irCycles++;
    }
    double irRate = irCycles / ((System.nanoTime() - t1) / 1e9);
    System.err.printf("%s: IR interpreter %d cycles, %.1f cycles/s%n", d, irCycles, irRate);

    // JIT
    long t2 = System.nanoTime();
    JitSimulator jit = new JitSimulator(design);
    long compile = System.nanoTime() - t2;
    BigInteger[][] jitOut = new BigInteger[cycles][];
    long t3 = System.nanoTime();
    for (int c = 0; c < cycles; c++) {
      jitOut[c] = cycle(jit, ins, outs, stimulus[c], new BigInteger[outs.size()]);
    }
    long jitFirst = System.nanoTime() - t3;
    JitSimulator again = new JitSimulator(design);
    long t4 = System.nanoTime();
    for (int c = 0; c < cycles; c++) {
      cycle(again, ins, outs, stimulus[c], null);
    }
    long jitWarm = System.nanoTime() - t4;
    System.err.printf(
        "%s: JIT %d classes, compile %s, first run %s, warm run %s%n",
        d,
        jit.chunkCount(),
        HarnessBenchmark.ms(compile),
        HarnessBenchmark.ms(jitFirst),
        HarnessBenchmark.ms(jitWarm));

    // Verilator: cold build into an empty cache, then the cached build, then the run
    Path cache = Files.createTempDirectory("hardformer-sim-backends-");
    String before = System.getProperty("hardformer.cache");
    System.setProperty("hardformer.cache", cache.toString());
    long cold;
    long cached;
    long run;
    boolean agree = true;
    try {
      long t5 = System.nanoTime();
      try (Testbench tb = Testbench.of(emitted, TestbenchOptions.defaults())) {
        cold = System.nanoTime() - t5;
      }
      long t6 = System.nanoTime();
      try (Testbench tb = Testbench.of(emitted, TestbenchOptions.defaults())) {
        cached = System.nanoTime() - t6;
        long t7 = System.nanoTime();
        Stimulus st = tb.stimulus(cycles);
        for (int c = 0; c < cycles; c++) {
          for (int k = 0; k < ins.size(); k++) {
            st.set(c, ins.get(k).name(), stimulus[c][k]);
          }
        }
        Outputs o = tb.run(st);
        for (int c = 0; c < cycles; c++) {
          for (int k = 0; k < outs.size(); k++) {
            agree &= o.get(c, outs.get(k).name()).equals(jitOut[c][k]);
          }
        }
        run = System.nanoTime() - t7;
      }
    } finally {
      if (before == null) {
        System.clearProperty("hardformer.cache");
      } else {
        System.setProperty("hardformer.cache", before);
      }
      deleteTree(cache);
    }
    System.out.printf(
        "| %s | %,d | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |%n",
        d.equals("attention") ? "attention D=128 G=8 E4M3" : "fma-array " + d + " E4M3, FP32 acc",
        cycles,
        HarnessBenchmark.ms(elaborate),
        HarnessBenchmark.rate(irRate),
        HarnessBenchmark.ms(compile),
        HarnessBenchmark.ms(jitFirst),
        HarnessBenchmark.rate(cycles / (jitWarm / 1e9)),
        HarnessBenchmark.ms(compile + jitFirst),
        HarnessBenchmark.ms(cold),
        HarnessBenchmark.ms(cached),
        HarnessBenchmark.ms(run),
        HarnessBenchmark.rate(cycles / (run / 1e9)),
        HarnessBenchmark.ms(cold + run),
        HarnessBenchmark.ms(cached + run),
        agree ? "yes" : "NO");
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

package io.hardformer.bench;

import io.hardformer.dsl.Module;
import io.hardformer.dsl.elaborate.Design;
import io.hardformer.dsl.elaborate.Elaborator;
import io.hardformer.generators.array.AccumulationMode;
import io.hardformer.generators.array.FmaArray;
import io.hardformer.generators.array.FmaArrayShape;
import io.hardformer.generators.examples.SystolicArray;
import io.hardformer.generators.fp8.FloatPacker;
import io.hardformer.generators.numerics.Fp8Format;
import io.hardformer.rtl.EmitOptions;
import io.hardformer.rtl.EmittedDesign;
import io.hardformer.rtl.VerilogEmitter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Elaboration and emission time of R x C int8 MAC systolic arrays (construct the Java modules,
 * elaborate with all rules, emit Verilog, write the files), and the JVM's peak heap. One size per
 * run so peaks do not mix: {@code bench/run elaborate 64 [int8-mac | mac-all-out | fma-e4m3-fp32 |
 * fma-e4m3-exact]}.
 */
final class ElaborationBenchmark {
  private ElaborationBenchmark() {}

  static void run(String[] args) throws Exception {
    int n = args.length > 1 ? Integer.parseInt(args[1]) : 64;
    String kind = args.length > 2 ? args[2] : "int8-mac";
    // warm-up on a small array so JIT compilation is not billed to the measured size
    for (int i = 0; i < 3; i++) {
      VerilogEmitter.emit(Elaborator.elaborate(array(kind, 8)), EmitOptions.defaults());
    }
    resetPeaks();
    long t0 = System.nanoTime();
    Module top = array(kind, n);
    long t1 = System.nanoTime();
    Design design = Elaborator.elaborate(top);
    long t2 = System.nanoTime();
    EmittedDesign emitted = VerilogEmitter.emit(design, EmitOptions.defaults());
    long t3 = System.nanoTime();
    Path dir = Files.createTempDirectory("hardformer-elab-");
    emitted.writeTo(dir);
    long t4 = System.nanoTime();
    long bytes = 0;
    for (String text : emitted.verilog().values()) {
      bytes += text.length();
    }
    System.out.printf(
        "| %s | %dx%d | %d | %.2f | %.2f | %.2f | %.2f | %.2f | %d | %d |%n",
        kind,
        n,
        n,
        n * n,
        (t1 - t0) / 1e9,
        (t2 - t1) / 1e9,
        (t3 - t2) / 1e9,
        (t4 - t3) / 1e9,
        (t4 - t0) / 1e9,
        bytes / 1024,
        peakHeapMiB());
  }

  /**
   * int8-mac: the SystolicArray example; mac-all-out: the peers' design (every accumulator out);
   * fma-e4m3-fp32 / fma-e4m3-exact / fma-e5m2-...: the FMA array.
   */
  static Module array(String kind, int n) {
    if (kind.equals("int8-mac")) {
      return new SystolicArray(n, n);
    }
    if (kind.equals("mac-all-out")) {
      return new MacArrayAllOutputs(n, n);
    }
    String[] p = kind.split("-", -1); // fma-<format>-<acc>
    return new FmaArray(
        FmaArrayShape.of(
            n, n, Fp8Format.parse(p[1]), AccumulationMode.parse(p[2]), FloatPacker.FP32));
  }

  private static void resetPeaks() {
    System.gc();
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      p.resetPeakUsage();
    }
  }

  private static long peakHeapMiB() {
    long sum = 0;
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      if (p.getType() == MemoryType.HEAP) {
        sum += p.getPeakUsage().getUsed();
      }
    }
    return sum >> 20;
  }
}

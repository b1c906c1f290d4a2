package io.hardformer.testbench.array;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hardformer.generators.array.AccumulationMode;
import io.hardformer.generators.array.FmaArray;
import io.hardformer.generators.array.FmaArrayShape;
import io.hardformer.generators.array.RowPorts;
import io.hardformer.generators.fp8.FloatPacker;
import io.hardformer.generators.numerics.Fp8Format;
import io.hardformer.rtl.EmitOptions;
import io.hardformer.rtl.EmittedDesign;
import io.hardformer.rtl.VerilogEmitter;
import io.hardformer.testbench.StreamRun;
import io.hardformer.testbench.Testbench;
import io.hardformer.verilator.CompiledModel;
import io.hardformer.verilator.HarnessSpec;
import io.hardformer.verilator.ModelCache;
import io.hardformer.verilator.PortLayout;
import io.hardformer.verilator.SimulationProcess;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code fma-array --row-ports registered} in Verilator: every output bit-exact against the golden
 * model (matmuls of several K back to back, with input bubbles and specials), and the manifest's
 * cycle contract measured from cycle stamps, as {@link FmaArrayTest} does for the wired rows; and
 * the registered array built hierarchically ({@code fma_row} a block of its own, where the option
 * pays) against the wired array built flattened, side by side, every output on every cycle.
 */
@Tag("verilator")
class FmaArrayRegisteredRowsTest {
  private static FmaArrayShape shape(int rows, int cols, Fp8Format f, AccumulationMode mode) {
    return FmaArrayShape.of(rows, cols, f, mode, FloatPacker.FP32)
        .withRowPorts(RowPorts.REGISTERED);
  }

  @ParameterizedTest(name = "{0}x{1} {2} acc={3}")
  @CsvSource({"4, 4, E4M3, FP32", "2, 3, E5M2, EXACT"})
  void everyOutputIsBitExact(int rows, int cols, Fp8Format f, AccumulationMode mode) {
    FmaArrayShape shape = shape(rows, cols, f, mode);
    MatrixSource src = new MatrixSource(f, rows * 1000L + cols * 10L + mode.ordinal());
    List<int[][][]> matmuls = new ArrayList<>();
    int[] ks = {1, 2, 3, 7, 300, 1, 16, 5};
    MatrixSource.Kind[] kinds = MatrixSource.Kind.values();
    for (int m = 0; m < ks.length * 2; m++) {
      matmuls.add(src.matmul(kinds[m % kinds.length], rows, cols, ks[m % ks.length]));
    }
    FmaArray dut = new FmaArray(shape);
    try (Testbench tb = Testbench.of(dut)) {
      tb.reset();
      StreamRun run = FmaArrayTest.send(tb, dut, rows, matmuls, 0.15);
      FmaArrayTest.check(tb, shape, matmuls, run);
    }
  }

  @ParameterizedTest(name = "{0}x{1} acc={2} K={3}")
  @CsvSource({"4, 4, EXACT, 9", "2, 3, FP32, 2", "3, 5, FP32, 40"})
  void latencyIsTheManifestsAndTheWiredRows(int rows, int cols, AccumulationMode mode, int k) {
    FmaArrayShape shape = shape(rows, cols, Fp8Format.E4M3, mode);
    FmaArrayShape wired = shape.withRowPorts(RowPorts.WIRED);
    assertEquals(wired.latency(), shape.latency());
    MatrixSource src = new MatrixSource(Fp8Format.E4M3, k);
    List<int[][][]> matmuls = new ArrayList<>();
    int count = 4;
    for (int m = 0; m < count; m++) {
      matmuls.add(src.matmul(MatrixSource.Kind.FINITE_WITH_SPECIALS, rows, cols, k));
    }
    FmaArray dut = new FmaArray(shape);
    try (Testbench tb = Testbench.of(dut)) {
      assertEquals(
          true,
          tb.design().manifest().contains("\"latency\" : " + shape.latency()),
          "the manifest's latency");
      tb.reset();
      StreamRun run = FmaArrayTest.send(tb, dut, rows, matmuls, 0);
      FmaArrayTest.check(tb, shape, matmuls, run);
      long first = run.acceptCycle(0);
      int spacing = Math.max(k, shape.minimumSpacing());
      for (int m = 0; m < count; m++) {
        long lastBeat = run.acceptCycle(m * k + k - 1);
        for (int i = 0; i < rows; i++) {
          assertEquals(
              lastBeat + shape.latency() + i,
              run.outputCycle(m * rows + i),
              "matmul " + m + " row " + i + ": last beat + latency + row");
        }
      }
      assertEquals(
          shape.cyclesBackToBack(k, count),
          run.outputCycle(count * rows - 1) - first + 1,
          "cycles of " + count + " matmuls, spacing " + spacing);
    }
  }

  @Test
  void hierarchicalRegisteredRowsMatchFlattenedWiredRowsEveryCycle(@TempDir Path root) {
    FmaArrayShape registered = shape(3, 4, Fp8Format.E4M3, AccumulationMode.FP32);
    EmittedDesign w = emit(registered.withRowPorts(RowPorts.WIRED));
    EmittedDesign r = emit(registered);
    HarnessSpec ws = HarnessSpec.of(w, false);
    HarnessSpec rs = HarnessSpec.of(r, false);
    CompiledModel flat = new ModelCache(root).get(w, ws);
    java.io.PrintStream err = System.err;
    java.io.ByteArrayOutputStream log = new java.io.ByteArrayOutputStream();
    CompiledModel hier;
    try {
      System.setErr(new java.io.PrintStream(log, true, java.nio.charset.StandardCharsets.UTF_8));
      hier = new ModelCache(root).withHierarchicalAbove(0).get(r, rs);
    } finally {
      System.setErr(err);
    }
    String built = log.toString(java.nio.charset.StandardCharsets.UTF_8);
    err.print(built);
    assertTrue(
        built.contains("hierarchical"), "the registered model is built hierarchically: " + built);
    Random rnd = new Random(18);
    int results = 0;
    try (SimulationProcess a = SimulationProcess.start(flat, false);
        SimulationProcess b = SimulationProcess.start(hier, false)) {
      poke(a, b, "rst", new byte[] {1});
      a.step(1);
      b.step(1);
      poke(a, b, "rst", new byte[] {0});
      int k = 1 + rnd.nextInt(12);
      int beat = 0;
      boolean valid = false;
      byte[] x = new byte[ws.input("x").bytes()];
      byte[] wv = new byte[ws.input("w").bytes()];
      for (int cycle = 0; cycle < 300; cycle++) {
        if (!valid) { // a new beat, or a bubble (about one cycle in four)
          valid = rnd.nextInt(4) != 0;
          rnd.nextBytes(x);
          rnd.nextBytes(wv);
        }
        boolean last = beat == k - 1;
        poke(a, b, "in_valid", new byte[] {(byte) (valid ? 1 : 0)});
        poke(a, b, "in_last", new byte[] {(byte) (last ? 1 : 0)});
        poke(a, b, "x", x);
        poke(a, b, "w", wv);
        for (PortLayout o : ws.outputs()) {
          assertArrayEquals(
              a.peek(o), b.peek(rs.output(o.name())), o.name() + " in cycle " + cycle);
        }
        results += a.peek(ws.output("out_valid"))[0];
        if (valid && a.peek(ws.output("in_ready"))[0] != 0) {
          valid = false;
          beat++;
          if (last) {
            beat = 0;
            k = 1 + rnd.nextInt(12);
          }
        }
        a.step(1);
        b.step(1);
      }
    }
    assertTrue(results >= 30, "result rows seen: " + results);
  }

  private static void poke(SimulationProcess a, SimulationProcess b, String port, byte[] v) {
    a.poke(a.spec().input(port), v);
    b.poke(b.spec().input(port), v);
  }

  private static EmittedDesign emit(FmaArrayShape s) {
    return VerilogEmitter.emit(
        new FmaArray(s), EmitOptions.forGenerator("fma-array", java.util.Map.of()));
  }
}

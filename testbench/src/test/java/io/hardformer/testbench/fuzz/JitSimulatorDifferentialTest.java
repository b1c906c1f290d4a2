package io.hardformer.testbench.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hardformer.dsl.Module;
import io.hardformer.dsl.elaborate.Design;
import io.hardformer.dsl.elaborate.Elaborator;
import io.hardformer.dsl.ir.Signal;
import io.hardformer.dsl.ir.SignalKind;
import io.hardformer.dsl.sim.IrSimulator;
import io.hardformer.generators.catalog.ConfiguredGenerator;
import io.hardformer.generators.catalog.Generator;
import io.hardformer.generators.catalog.GeneratorCatalog;
import io.hardformer.jit.JitSimulator;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The JIT backend against the IR interpreter: generated units of the catalog (FP8 multiplier and
 * dot product, FMA arrays with FP32 and with exact accumulators wider than 64 bits, attention,
 * FIFO) and random designs ({@link RandomDesign}: every operator of the DSL, signed arithmetic,
 * widths up to 130 bits, nested when chains, registers with reset, child modules) under random
 * stimulus, every output compared in every cycle.
 */
class JitSimulatorDifferentialTest {
  static Stream<Arguments> units() {
    return Stream.of(
        Arguments.of("fp8-mul", Map.of("format", "e4m3", "stages", 2)),
        Arguments.of("fp8-mul", Map.of("format", "e5m2", "stages", 1)),
        Arguments.of("fp8-dot", Map.of("format", "e4m3", "lanes", 4, "outFormat", "fp32")),
        Arguments.of("fp8-dot", Map.of("format", "e5m2", "lanes", 3, "outFormat", "bf16")),
        Arguments.of(
            "fma-array",
            Map.of("rows", 2, "cols", 3, "format", "e4m3", "acc", "fp32", "outFormat", "fp32")),
        Arguments.of(
            "fma-array",
            Map.of("rows", 2, "cols", 2, "format", "e5m2", "acc", "exact", "outFormat", "bf16")),
        Arguments.of(
            "fma-array",
            Map.of(
                "rows",
                2,
                "cols",
                2,
                "format",
                "e4m3",
                "acc",
                "exact",
                "outFormat",
                "fp32",
                "lanes",
                4)),
        Arguments.of(
            "attention", Map.of("headDim", 4, "qHeads", 2, "format", "e4m3", "outFormat", "fp32")),
        Arguments.of("fifo", Map.of()));
  }

  static Module build(String name, Map<String, Object> options) {
    Generator<?> g = GeneratorCatalog.load().find(name).orElseThrow();
    Map<String, Object> values = new HashMap<>(options);
    return ConfiguredGenerator.of(g, values).build();
  }

  @Test
  void randomDesignsAgreeEveryCycle() {
    Random r = new Random(18);
    int compared = 0;
    for (int b = 0; b < 30; b++) {
      List<long[]> members = new ArrayList<>();
      for (int j = 0; j < 8; j++) {
        members.add(new long[] {r.nextLong(), 8 + r.nextInt(40), r.nextInt(3)});
      }
      compared += compare(Elaborator.elaborate(new FuzzBundle(members)), 200, r.nextLong());
    }
    assertTrue(compared > 30 * 200 * 8, "compared only " + compared + " values");
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("units")
  void generatedUnitAgreesEveryCycle(String name, Map<String, Object> options) {
    Design design = Elaborator.elaborate(build(name, options));
    int compared = compare(design, 400, name.hashCode());
    assertTrue(compared > 400, name + ": compared only " + compared + " values");
  }

  /**
   * Runs the same random stimulus (reset in cycle 0 and now and then) on both simulators and
   * asserts equal outputs in every cycle; returns the number of values compared.
   */
  static int compare(Design design, int cycles, long seed) {
    IrSimulator ir = new IrSimulator(design);
    JitSimulator jit = new JitSimulator(design);
    List<Signal> ins = new ArrayList<>();
    List<Signal> outs = new ArrayList<>();
    for (Signal p : design.top().body().ports()) {
      if (p.kind() == SignalKind.INPUT) {
        if (!p.name().equals("clk") && !p.name().equals("rst")) {
          ins.add(p);
        }
      } else {
        outs.add(p);
      }
    }
    Random r = new Random(seed);
    int compared = 0;
    for (int c = 0; c < cycles; c++) {
      BigInteger rst = BigInteger.valueOf(c == 0 || r.nextInt(60) == 0 ? 1 : 0);
      ir.poke("rst", rst);
      jit.poke("rst", rst);
      for (Signal p : ins) {
        BigInteger v = value(r, p.width());
        ir.poke(p.name(), v);
        jit.poke(p.name(), v);
      }
      for (Signal p : outs) {
        BigInteger want = ir.peek(p.name());
        assertEquals(
            want,
            jit.peek(p.name()),
            () -> "cycle " + ir.cycle() + ", output " + p.name() + " (" + p.width() + " bits)");
        compared++;
      }
      ir.step();
      jit.step();
    }
    return compared;
  }

  /** Random values biased to corners: zero, all ones, the sign bit, one bit. */
  static BigInteger value(Random r, int width) {
    switch (r.nextInt(8)) {
      case 0:
        return BigInteger.ZERO;
      case 1:
        return BigInteger.ONE.shiftLeft(width).subtract(BigInteger.ONE);
      case 2:
        return BigInteger.ONE.shiftLeft(width - 1);
      case 3:
        return BigInteger.ONE.shiftLeft(r.nextInt(width));
      default:
        return new BigInteger(width, r);
    }
  }
}

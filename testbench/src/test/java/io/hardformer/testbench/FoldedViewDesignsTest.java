package io.hardformer.testbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hardformer.dsl.Module;
import io.hardformer.generators.attention.AttentionShape;
import io.hardformer.generators.attention.AttentionUnit;
import io.hardformer.generators.examples.SystolicArray;
import io.hardformer.generators.fp8.FloatPacker;
import io.hardformer.generators.fp8.Fp8Dot;
import io.hardformer.generators.numerics.Fp8Format;
import io.hardformer.rtl.EmitOptions;
import io.hardformer.rtl.EmittedDesign;
import io.hardformer.rtl.PortInfo;
import io.hardformer.rtl.VerilogEmitter;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link TestbenchOptions#withFoldedView} on designs other than the FMA array: whatever the view
 * folds (or, when nothing folds, the modules themselves), every output equals the emitted modules'
 * on every cycle under random values on every input, both Verilated.
 */
class FoldedViewDesignsTest {
  static Stream<Arguments> designs() {
    return Stream.of(
        Arguments.of("systolic-3x5", true, (Supplier<Module>) () -> new SystolicArray(3, 5)),
        Arguments.of(
            "fp8-dot-e5m2-5",
            false,
            (Supplier<Module>) () -> new Fp8Dot(Fp8Format.E5M2, 5, FloatPacker.FP32)),
        Arguments.of(
            "attention-e4m3-4x2",
            true,
            (Supplier<Module>)
                () ->
                    new AttentionUnit(new AttentionShape(4, 2, Fp8Format.E4M3, FloatPacker.BF16))),
        Arguments.of(
            "attention-e5m2-3x1-deep",
            true,
            (Supplier<Module>)
                () ->
                    new AttentionUnit(
                        new AttentionShape(3, 1, Fp8Format.E5M2, FloatPacker.FP32, 27))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("designs")
  void everyOutputEqualsTheModulesOnEveryCycle(
      String name, boolean folds, Supplier<Module> design) {
    EmittedDesign emitted = VerilogEmitter.emit(design.get(), EmitOptions.defaults());
    Optional<EmittedDesign> view = VerilogEmitter.foldedView(emitted, 2);
    assertEquals(folds, view.isPresent(), name + " folds");
    TestbenchOptions options = TestbenchOptions.defaults().withBackend(Backend.VERILATOR);
    // asked to split its loop over two blocks, each keeps one: the upper instances would read top
    // inputs (systolic), or logic that is not a register (attention's drain lanes)
    Optional<EmittedDesign> split = VerilogEmitter.foldedView(emitted, 2, 2);
    assertEquals(view.map(v -> 1), split.map(EmittedDesign::viewBlocks), name + " one block");
    try (Testbench a = Testbench.of(emitted, options);
        Testbench b = Testbench.of(emitted, options.withFoldedView(true));
        Testbench c = Testbench.of(split.orElse(emitted), options)) {
      List<Testbench> all = List.of(a, b, c);
      for (Testbench t : all) {
        t.reset();
      }
      Random r = new Random(name.hashCode());
      List<PortInfo> ports = emitted.ports();
      int outputsSeen = 0;
      for (int t = 0; t < 600; t++) {
        for (PortInfo p : ports) {
          if (p.direction().equals("input") && !p.name().equals("clk") && !p.name().equals("rst")) {
            BigInteger v = new BigInteger(p.width(), r);
            for (Testbench tb : all) {
              tb.poke(p.name(), v);
            }
          }
        }
        for (PortInfo p : ports) {
          if (p.direction().equals("output")) {
            BigInteger x = a.peek(p.name());
            assertEquals(x, b.peek(p.name()), p.name() + " in cycle " + t + " of " + name);
            assertEquals(
                x, c.peek(p.name()), p.name() + " in cycle " + t + " of " + name + " split");
            outputsSeen += x.signum();
          }
        }
        for (Testbench tb : all) {
          tb.step();
        }
      }
      assertTrue(outputsSeen > 0, "some output was not zero");
    }
  }
}

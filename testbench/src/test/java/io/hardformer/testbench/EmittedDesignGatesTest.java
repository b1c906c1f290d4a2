package io.hardformer.testbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hardformer.dsl.Module;
import io.hardformer.generators.examples.AdderTree;
import io.hardformer.generators.examples.Counter;
import io.hardformer.generators.examples.Fifo;
import io.hardformer.generators.examples.IntMac;
import io.hardformer.generators.examples.Pipeline;
import io.hardformer.generators.examples.RegisterSlice;
import io.hardformer.rtl.EmitOptions;
import io.hardformer.rtl.EmittedDesign;
import io.hardformer.rtl.VerilogEmitter;
import io.hardformer.verilator.DesignGates;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every example design passes Verilator -Wall, Yosys check and Icarus -g2005, and emits byte-identically. */
@Tag("verilator")
class EmittedDesignGatesTest {
  static Stream<Arguments> designs() {
    return Stream.of(
        Arguments.of("counter8", (Supplier<Module>) () -> new Counter(8)),
        Arguments.of("counter1", (Supplier<Module>) () -> new Counter(1)),
        Arguments.of("adder-tree-8x3", (Supplier<Module>) () -> new AdderTree(8, 3)),
        Arguments.of("adder-tree-130x1", (Supplier<Module>) () -> new AdderTree(130, 1)),
        Arguments.of("int-mac", (Supplier<Module>) () -> new IntMac(8, 24)),
        Arguments.of("register-slice", (Supplier<Module>) () -> new RegisterSlice(32)),
        Arguments.of("pipeline", (Supplier<Module>) () -> new Pipeline(8, 3)),
        Arguments.of("fifo", (Supplier<Module>) () -> new Fifo(8, 2)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("designs")
  void passesAllGatesAndIsReproducible(String name, Supplier<Module> design) {
    EmittedDesign first = VerilogEmitter.emit(design.get(), EmitOptions.forGenerator(name, java.util.Map.of()));
    EmittedDesign second = VerilogEmitter.emit(design.get(), EmitOptions.forGenerator(name, java.util.Map.of()));
    assertEquals(first.files(), second.files(), "emitting the same design twice gives identical files");
    List<String> problems = DesignGates.check(first);
    assertTrue(problems.isEmpty(), name + ":\n" + String.join("\n", problems));
  }
}

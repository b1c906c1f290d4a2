package io.hardformer.verilator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hardformer.dsl.Module;
import io.hardformer.dsl.UInt;
import io.hardformer.rtl.EmitOptions;
import io.hardformer.rtl.EmittedDesign;
import io.hardformer.rtl.VerilogEmitter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The build profile sets the C++ optimization and is part of the model cache key. */
class BuildProfileTest {
  /** y = a + 1. */
  static final class Inc extends Module {
    final UInt a = in("a", 8);
    final UInt y = out("y", 8);

    Inc() {
      y.assign(a.addWrap(lit(1, 8)));
    }
  }

  private static final EmittedDesign DESIGN =
      VerilogEmitter.emit(new Inc(), EmitOptions.defaults());
  private static final HarnessSpec SPEC = HarnessSpec.of(DESIGN, false);

  @Test
  void runFastCompilesThePerCycleCodeAtO1AndBuildFastKeepsTheDefaultForSmallDesigns() {
    List<String> fast = ModelCache.flags(DESIGN, SPEC, BuildProfile.RUN_FAST);
    List<String> quick = ModelCache.flags(DESIGN, SPEC, BuildProfile.BUILD_FAST);
    assertTrue(fast.contains("OPT_FAST=-O1 OPT_SLOW=-O0"), fast.toString());
    assertFalse(quick.contains("-MAKEFLAGS"), quick.toString());
    assertEquals(ModelCache.FLAGS, quick);
    List<String> fastest = ModelCache.flags(DESIGN, SPEC, BuildProfile.RUN_FASTEST);
    assertTrue(fastest.contains("OPT_FAST=-O2 OPT_SLOW=-O0"), fastest.toString());
  }

  @Test
  void theProfileIsPartOfTheCacheKey() {
    String harness = HarnessGenerator.render(SPEC);
    List<String> flags = ModelCache.flags(DESIGN, SPEC, BuildProfile.BUILD_FAST);
    String quick = ModelCache.key("v", BuildProfile.BUILD_FAST, flags, harness, DESIGN.verilog());
    String fast = ModelCache.key("v", BuildProfile.RUN_FAST, flags, harness, DESIGN.verilog());
    assertNotEquals(quick, fast, "same flags, different profile: different models");
    String fastest =
        ModelCache.key("v", BuildProfile.RUN_FASTEST, flags, harness, DESIGN.verilog());
    assertNotEquals(fast, fastest);
  }

  @Test
  @Tag("verilator")
  void aRunFastModelIsBuiltApartAndComputesTheSame(@TempDir Path root) {
    ModelCache cache = new ModelCache(root);
    CompiledModel fast = cache.get(DESIGN, SPEC, BuildProfile.RUN_FAST);
    CompiledModel quick = cache.get(DESIGN, SPEC);
    CompiledModel fastest = cache.get(DESIGN, SPEC, BuildProfile.RUN_FASTEST);
    assertNotEquals(fast.executable(), quick.executable());
    assertNotEquals(fast.executable(), fastest.executable());
    for (CompiledModel m : List.of(fast, quick, fastest)) {
      try (SimulationProcess p = SimulationProcess.start(m, false)) {
        p.poke(SPEC.input("a"), new byte[] {0x41});
        assertArrayEquals(new byte[] {0x42}, p.peek(SPEC.output("y")));
      }
    }
    assertFalse(cache.get(DESIGN, SPEC, BuildProfile.RUN_FAST).builtNow(), "cached by profile");
  }
}

package io.hardformer.verilator;

import io.hardformer.dsl.elaborate.ModuleDef;
import io.hardformer.rtl.EmittedDesign;
import java.util.List;
import java.util.Optional;

/**
 * How a model's C++ is compiled: a trade of build time against simulation speed. The profile is
 * part of the model cache key, so the two builds of one design live side by side. A folded
 * simulation view's per-cycle C++ is one loop body, compiled at -O2 under every profile.
 */
public enum BuildProfile {
  /**
   * For tests, which run a model for a few thousand cycles: small designs keep Verilator's default
   * (-Os), large ones compile at -O1 and huge ones at -O0, the run-once code always at -O0. A huge
   * design with a repeated block ({@link HierarchicalBlocks}) is built hierarchically at -O1
   * instead: its C++ is the block once plus the instances' calls.
   */
  BUILD_FAST,
  /**
   * For long simulations (millions of cycles, e.g. {@code run-model --mode rtl}): the per-cycle
   * code at -O1 whatever the size, the run-once initialization code at -O0 (the Verilator runtime
   * keeps its default, so ccache shares it with every build). Measured on the 16 x 16 FMA array
   * (docs/BENCHMARKS.md, "Verilator at scale"): -O1 simulates 1.9x as fast as -O0 for 1.4x the
   * build CPU, and -O2 no faster than -O1 (within 3%) for 2.2x the build CPU of -O1.
   */
  RUN_FAST,
  /**
   * For the longest simulations (tens of millions of cycles): as {@link #RUN_FAST}, with the
   * per-cycle code at -O2. Measured on attention (D = 128, G = 8; docs/BENCHMARKS.md, "Verilator
   * speed levers, session 7" and "On a quiet machine, session 8"): +10 to +16 % cycles per second
   * over -O1 for about twice the build CPU, which pays back after millions of cycles; on the FMA
   * array -O2 is no faster than -O1.
   */
  RUN_FASTEST;

  /**
   * Flattened Verilog lines above which {@link #BUILD_FAST} compiles the model's C++ at -O1, and
   * above that at -O0.
   */
  static final long O1_ABOVE = 30_000;

  static final long O0_ABOVE = 150_000;

  /**
   * The module this profile Verilates {@code design} around ({@link HierarchicalBlocks}), if any:
   * only {@link #BUILD_FAST} builds hierarchically. Measured (docs/BENCHMARKS.md, "Hierarchical
   * builds"): at BUILD_FAST the hierarchical build of the 32 x 32 FMA array takes a sixth of the
   * build CPU and runs 4.6x as fast, attention (D = 128, G = 8) runs 4.6x as fast; at -O1 the
   * flattened attention model runs faster than the hierarchical one (15.1 k against 9.6 k cycles
   * per CPU second), so RUN_FAST stays flattened.
   */
  Optional<String> hierarchicalBlock(EmittedDesign design) {
    return hierarchicalBlock(design, O0_ABOVE);
  }

  /**
   * As {@link #hierarchicalBlock(EmittedDesign)}, for designs above {@code aboveLines} flattened
   * Verilog lines instead of {@link #O0_ABOVE} (a test's small design built both ways).
   */
  Optional<String> hierarchicalBlock(EmittedDesign design, long aboveLines) {
    return this == BUILD_FAST && !design.isFoldedView()
        ? HierarchicalBlocks.of(design, aboveLines)
        : Optional.empty();
  }

  /** The flags this profile adds to {@link ModelCache#FLAGS} for {@code design}. */
  List<String> cxxFlags(EmittedDesign design) {
    return cxxFlags(design, O0_ABOVE);
  }

  /**
   * As {@link #cxxFlags(EmittedDesign)}, with designs above {@code hierarchicalAbove} flattened
   * lines built hierarchically.
   */
  List<String> cxxFlags(EmittedDesign design, long hierarchicalAbove) {
    if (design.isFoldedView()) {
      // one loop body for every instance: small C++, and -O2 keeps the body's locals in
      // registers (64 x 64 FMA array: 8.4 k cycles per CPU second at -O2, 5.3 k at -O1;
      // docs/BENCHMARKS.md, "Loop locals")
      return List.of("-MAKEFLAGS", "OPT_FAST=-O2 OPT_SLOW=-O0");
    }
    if (this == RUN_FAST) {
      return List.of("-MAKEFLAGS", "OPT_FAST=-O1 OPT_SLOW=-O0");
    }
    if (this == RUN_FASTEST) {
      return List.of("-MAKEFLAGS", "OPT_FAST=-O2 OPT_SLOW=-O0");
    }
    if (hierarchicalBlock(design, hierarchicalAbove).isPresent()) {
      // the model is the block's C++ once plus the instances' calls: small enough for -O1
      return List.of("-MAKEFLAGS", "OPT_FAST=-O1 OPT_SLOW=-O0");
    }
    long lines = flattenedLines(design);
    if (lines <= O1_ABOVE) {
      return List.of();
    }
    return List.of(
        "-MAKEFLAGS", "OPT_FAST=" + (lines > O0_ABOVE ? "-O0" : "-O1") + " OPT_SLOW=-O0");
  }

  /**
   * Verilog lines after flattening: every module's lines times its instance count. Verilator
   * flattens the hierarchy, so the C++ grows with every instance: a 16 x 16 FMA array is 4.5 MB of
   * C++, about 2 minutes to compile at Verilator's default -Os on 2 cores, 4x less at -O1 and 13x
   * less at -O0.
   */
  static long flattenedLines(EmittedDesign design) {
    long lines = 0;
    for (ModuleDef def : design.design().modules()) {
      String v = design.verilog().get(def.name() + ".v");
      long n = v == null ? 0 : v.lines().count();
      lines += def.instanceCount() * n;
    }
    return lines;
  }
}

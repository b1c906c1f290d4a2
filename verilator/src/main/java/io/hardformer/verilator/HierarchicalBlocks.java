package io.hardformer.verilator;

import io.hardformer.dsl.elaborate.ModuleDef;
import io.hardformer.dsl.ir.Instance;
import io.hardformer.rtl.EmittedDesign;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The module a large design is Verilated around hierarchically (Verilator's {@code --hierarchical}
 * with a {@code hier_block} control file): Verilator then turns that module into C++ and compiles
 * it once, and every instance calls the one compiled block, instead of flattening every instance
 * into the model. Chosen from the design's structure, so any generator gets it (at {@link
 * BuildProfile#BUILD_FAST}): above {@link BuildProfile#O0_ABOVE} flattened Verilog lines, the
 * repeated module (two or more instances) that makes up at least half of the flattened design, and
 * of those the one with the fewest instances, then the largest (the outermost: an FMA array's row,
 * not its cell). Measured on the FMA array (docs/BENCHMARKS.md, "Hierarchical builds"): marking the
 * row builds the 32 x 32 array in a sixth of the CPU of the flattened build and simulates it
 * faster; marking the cell instead is 5x slower per cycle than marking the row (a call per cell per
 * evaluation).
 */
final class HierarchicalBlocks {
  /** The control file's name in the build folder. */
  static final String CONTROL_FILE = "hier_blocks.vlt";

  private HierarchicalBlocks() {}

  /** The module to Verilate as a block of its own, if the design is large and has one. */
  static Optional<String> of(EmittedDesign design) {
    return of(design, BuildProfile.O0_ABOVE);
  }

  /** As {@link #of(EmittedDesign)}, for designs above {@code aboveLines} flattened lines. */
  static Optional<String> of(EmittedDesign design, long aboveLines) {
    long total = BuildProfile.flattenedLines(design);
    if (total <= aboveLines) {
      return Optional.empty();
    }
    Map<String, Long> subtree = new HashMap<>();
    ModuleDef best = null;
    for (ModuleDef def : design.design().modules()) { // children before parents
      String v = design.verilog().get(def.name() + ".v");
      long lines = v == null ? 0 : v.lines().count();
      for (Instance i : def.body().instances()) {
        lines += subtree.getOrDefault(design.design().defOf(i.body()).name(), 0L);
      }
      subtree.put(def.name(), lines);
      boolean repeated =
          def.instanceCount() >= 2 && !def.name().equals(design.design().top().name());
      if (repeated
          && 2 * def.instanceCount() * lines >= total
          && (best == null
              || def.instanceCount() < best.instanceCount()
              || (def.instanceCount() == best.instanceCount()
                  && lines > subtree.get(best.name())))) {
        best = def;
      }
    }
    return Optional.ofNullable(best).map(ModuleDef::name);
  }

  /** The Verilator control file marking {@code module} as a hierarchical block. */
  static String controlFile(String module) {
    return "`verilator_config\nhier_block -module \"" + module + "\"\n";
  }

  /**
   * The build's input files: the design's Verilog, preceded by the control file when the design has
   * a hierarchical block (so the cache key covers it); exactly the Verilog otherwise.
   */
  static Map<String, String> inputs(EmittedDesign design, Optional<String> block) {
    if (block.isEmpty()) {
      return design.verilog();
    }
    Map<String, String> all = new LinkedHashMap<>();
    all.put(CONTROL_FILE, controlFile(block.get()));
    all.putAll(design.verilog());
    return all;
  }
}

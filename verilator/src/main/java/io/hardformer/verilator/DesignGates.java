package io.hardformer.verilator;

import io.hardformer.rtl.EmittedDesign;
import io.hardformer.verilator.tools.Icarus;
import io.hardformer.verilator.tools.ToolException;
import io.hardformer.verilator.tools.Yosys;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The three acceptance gates every emitted design must pass: {@code verilator --lint-only -Wall}
 * with no warning, Yosys {@code read_verilog; hierarchy -check; proc; check -assert}, and {@code
 * iverilog -g2005}. Missing tools are failures, never skips. A folded simulation view ({@link
 * EmittedDesign#isFoldedView}) is a model for Verilator, never synthesized: it passes Verilator's
 * lint and Icarus, and skips Yosys, whose {@code check} reads its register arrays as memories.
 */
public final class DesignGates {
  private DesignGates() {}

  /**
   * Writes the design to {@code dir} and runs all gates; returns the problems found (empty: all
   * pass).
   */
  public static List<String> check(EmittedDesign design, Path dir) {
    design.writeTo(dir);
    List<String> files = new ArrayList<>(design.verilog().keySet());
    List<String> problems = new ArrayList<>();
    for (String w : Verilator.get().lint(dir, files, design.top())) {
      problems.add("verilator -Wall: " + w);
    }
    if (!design.isFoldedView()) {
      try {
        new Yosys().check(dir, files, design.top());
      } catch (ToolException e) {
        problems.add("yosys: " + e.getMessage());
      }
    }
    try {
      new Icarus().compile(dir, files, design.top());
    } catch (ToolException e) {
      problems.add("iverilog -g2005: " + e.getMessage());
    }
    return problems;
  }

  /** Like {@link #check(EmittedDesign, Path)} in a fresh temporary folder, removed afterwards. */
  public static List<String> check(EmittedDesign design) {
    Path dir = null;
    try {
      dir = Files.createTempDirectory("hardformer-gates-");
      return check(design, dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      if (dir != null) {
        FileTrees.deleteQuietly(dir);
      }
    }
  }
}

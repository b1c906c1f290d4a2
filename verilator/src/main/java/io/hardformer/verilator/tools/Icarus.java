package io.hardformer.verilator.tools;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Icarus Verilog: the Verilog-2005 acceptance gate ({@code iverilog -g2005}). */
public final class Icarus {
  private final ExternalTool tool;

  public Icarus() {
    this.tool = ExternalTool.find("Icarus Verilog", "iverilog", "IVERILOG", "iverilog");
  }

  public ExternalTool tool() {
    return tool;
  }

  /** Compiles with {@code -g2005 -Wall}; fails on any error. */
  public ToolResult compile(Path dir, List<String> files, String top) {
    List<String> args = new ArrayList<>(List.of("-g2005", "-s", top, "-o", "/dev/null"));
    args.addAll(files);
    return tool.runOk(args, dir, 120);
  }
}

package io.hardformer.verilator.tools;

import java.nio.file.Path;
import java.util.List;

/**
 * Yosys: the structural gate {@code read_verilog; hierarchy -check; proc; check -assert}, and
 * synthesis.
 */
public final class Yosys {
  private final ExternalTool tool;

  public Yosys() {
    this.tool = ExternalTool.find("Yosys", "yosys", "YOSYS", "yosys");
  }

  public ExternalTool tool() {
    return tool;
  }

  /**
   * Fails with Yosys's output unless the design reads, elaborates and passes {@code check -assert}.
   */
  public ToolResult check(Path dir, List<String> files, String top) {
    String script =
        "read_verilog "
            + String.join(" ", files)
            + "; hierarchy -check -top "
            + top
            + "; proc; check -assert";
    return tool.runOk(List.of("-q", "-p", script), dir, 300);
  }

  /** Runs an arbitrary script (for synthesis and area), requiring success. */
  public ToolResult script(Path dir, String script, long timeoutSeconds) {
    return tool.runOk(List.of("-q", "-p", script), dir, timeoutSeconds);
  }
}

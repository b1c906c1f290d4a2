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

  /**
   * Runs {@code script} in {@code dir} with its whole log written to {@code logFile} there ({@code
   * yosys -q -l}: ABC's output included, as it runs), within {@code timeoutSeconds}; never throws
   * on a non-zero exit (see the result).
   */
  public ToolResult scriptLogged(Path dir, String script, String logFile, long timeoutSeconds) {
    return tool.run(
        List.of("-q", "-l", logFile, "-p", script), dir, java.util.Map.of(), timeoutSeconds);
  }

  /** Runs an arbitrary script (for synthesis and area), requiring success. */
  public ToolResult script(Path dir, String script, long timeoutSeconds) {
    return tool.runOk(List.of("-q", "-p", script), dir, timeoutSeconds);
  }
}

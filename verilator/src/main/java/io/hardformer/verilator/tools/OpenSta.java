package io.hardformer.verilator.tools;

import java.nio.file.Path;
import java.util.List;

/** OpenSTA ({@code sta}, Debian package {@code opensta}): runs a Tcl script on a mapped netlist. */
public final class OpenSta {
  private final ExternalTool tool;

  public OpenSta() {
    this.tool = ExternalTool.find("OpenSTA", "sta", "STA", "opensta");
  }

  public ExternalTool tool() {
    return tool;
  }

  /**
   * Runs {@code script} (a file in {@code dir}) with {@code sta -no_init -exit} within {@code
   * timeoutSeconds}; never throws on a non-zero exit (see the result).
   */
  public ToolResult run(Path dir, String script, long timeoutSeconds) {
    return tool.run(List.of("-no_init", "-exit", script), dir, java.util.Map.of(), timeoutSeconds);
  }

  /**
   * Runs {@code script} (a file in {@code dir}) with {@code sta -no_init -exit}, requiring success.
   */
  public ToolResult script(Path dir, String script, long timeoutSeconds) {
    ToolResult r = tool.runOk(List.of("-no_init", "-exit", script), dir, timeoutSeconds);
    // OpenSTA reports Tcl errors on its output and may still exit 0
    for (String line : r.output().lines().toList()) {
      if (line.startsWith("Error:")) {
        throw new ToolException(
            "OpenSTA failed: " + line + "\n" + r.output(), r.command(), r.output());
      }
    }
    return r;
  }
}

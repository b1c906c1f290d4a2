package io.hardformer.verilator.tools;

import java.util.List;

/** What one run of an external tool did: its command, exit code and combined stdout+stderr. */
public record ToolResult(List<String> command, int exitCode, String output) {
  public boolean ok() {
    return exitCode == 0;
  }
}

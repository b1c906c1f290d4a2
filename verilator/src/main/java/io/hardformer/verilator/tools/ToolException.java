package io.hardformer.verilator.tools;

import java.util.List;

/**
 * An external tool was missing, too old, failed or timed out. Carries the command and its output so
 * the message says what ran and what it printed.
 */
public class ToolException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient List<String> command;
  private final String output;

  public ToolException(String message, List<String> command, String output) {
    super(message);
    this.command = command == null ? List.of() : List.copyOf(command);
    this.output = output == null ? "" : output;
  }

  public List<String> command() {
    return command;
  }

  public String output() {
    return output;
  }
}

package io.hardformer.cli;

/** The documented exit codes of the hardformer command. */
public final class ExitCodes {
  public static final int OK = 0;

  /** The design broke an elaboration rule, or files could not be written. */
  public static final int DESIGN_ERROR = 1;

  /** Unknown command, design or option, or an option value out of range. */
  public static final int USAGE = 2;

  /** Verilator, Yosys or Icarus missing, too old, or failing. */
  public static final int TOOL = 3;

  /** A bug in Hardformer itself. */
  public static final int INTERNAL = 70;

  private ExitCodes() {}
}

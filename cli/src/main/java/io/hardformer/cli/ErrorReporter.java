package io.hardformer.cli;

import io.hardformer.dsl.HardwareMisuseException;
import io.hardformer.dsl.elaborate.ElaborationException;
import io.hardformer.verilator.SimulationException;
import io.hardformer.verilator.tools.ToolException;
import java.io.UncheckedIOException;
import picocli.CommandLine;

/**
 * Turns exceptions into messages and exit codes. User errors (design rules, misuse, tools, files)
 * never show a stack trace; {@code --debug} shows it for every error.
 */
final class ErrorReporter implements CommandLine.IExecutionExceptionHandler {
  @Override
  public int handleExecutionException(
      Exception ex, CommandLine cmd, CommandLine.ParseResult parsed) {
    boolean debug = parsed.hasMatchedOption("--debug") || hasDebug(parsed);
    var err = cmd.getErr();
    int code;
    if (ex instanceof CommandLine.ParameterException) {
      return new UsageErrorHandler()
          .handleParseException((CommandLine.ParameterException) ex, new String[0]);
    } else if (ex instanceof ElaborationException || ex instanceof HardwareMisuseException) {
      err.println("hardformer: " + ex.getMessage());
      code = ExitCodes.DESIGN_ERROR;
    } else if (ex instanceof io.hardformer.cli.tile.TileConfig.ConfigException) {
      err.println("hardformer: " + ex.getMessage());
      code = ExitCodes.USAGE;
    } else if (ex instanceof ToolException || ex instanceof SimulationException) {
      err.println("hardformer: " + ex.getMessage());
      code = ExitCodes.TOOL;
    } else if (ex instanceof UncheckedIOException) {
      err.println("hardformer: " + ex.getMessage());
      code = ExitCodes.DESIGN_ERROR;
    } else {
      err.println(
          "hardformer: internal error: "
              + ex
              + (debug ? "" : " (run with --debug for the stack trace" + " and report it)"));
      code = ExitCodes.INTERNAL;
    }
    if (debug) {
      ex.printStackTrace(err);
    }
    return code;
  }

  private static boolean hasDebug(CommandLine.ParseResult parsed) {
    for (CommandLine.ParseResult p = parsed; p != null; p = p.subcommand()) {
      if (p.hasMatchedOption("--debug")) {
        return true;
      }
    }
    return false;
  }
}

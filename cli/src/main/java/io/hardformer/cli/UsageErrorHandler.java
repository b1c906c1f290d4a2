package io.hardformer.cli;

import java.util.List;
import picocli.CommandLine;

/** Bad command lines get one line naming what was wrong and the valid choices, and exit code 2. */
final class UsageErrorHandler implements CommandLine.IParameterExceptionHandler {
  @Override
  public int handleParseException(CommandLine.ParameterException ex, String[] args) {
    CommandLine cmd = ex.getCommandLine();
    String name = cmd.getCommandSpec().qualifiedName();
    String message = ex.getMessage();
    if (ex instanceof CommandLine.UnmatchedArgumentException && !cmd.getSubcommands().isEmpty()) {
      List<String> unmatched = ((CommandLine.UnmatchedArgumentException) ex).getUnmatched();
      String what = name.endsWith("generate") ? "design" : "command";
      message =
          "unknown "
              + what
              + " '"
              + (unmatched.isEmpty() ? "" : unmatched.get(0))
              + "'; valid "
              + what
              + "s: "
              + String.join(", ", cmd.getSubcommands().keySet());
    }
    cmd.getErr()
        .println(name + ": " + message.replace("\n", " ").strip() + " (see '" + name + " --help')");
    return ExitCodes.USAGE;
  }
}

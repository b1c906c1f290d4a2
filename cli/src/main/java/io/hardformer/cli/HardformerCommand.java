package io.hardformer.cli;

import io.hardformer.cli.designs.GenerateCommand;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code hardformer}: with no arguments, the main job on the embedded default design; {@code generate}
 * for one design; {@code rules} lists the elaboration rules. Exit codes are in {@link ExitCodes}.
 */
@Command(
    name = "hardformer",
    mixinStandardHelpOptions = true,
    version = "hardformer 0.1.0",
    description = "Generates Verilog-2005 for transformer datapaths from a Java DSL.%n"
        + "With no command: generates the embedded default design into out/ and prints its summary.",
    subcommands = {GenerateCommand.class, io.hardformer.cli.designs.AreaCommand.class, RulesCommand.class},
    footer = {"", "Examples:",
        "  ./hardformer                                   # default design into out/",
        "  ./hardformer generate adder-tree --width 8 --depth 3 --out build/tree",
        "  ./hardformer generate --help                   # list designs",
        "", "Exit codes: 0 ok, 1 design or I/O error, 2 bad command line, 3 external tool problem, 70 internal error."})
public final class HardformerCommand implements Callable<Integer> {
  @Option(names = "--debug", scope = CommandLine.ScopeType.INHERIT,
      description = "Show stack traces of errors (for reporting bugs in Hardformer).")
  boolean debug;

  @Option(names = "--out", defaultValue = "out", description = "Output folder for the default design (default: ${DEFAULT-VALUE}).")
  java.nio.file.Path out;

  @Override
  public Integer call() {
    return new DefaultDesign().run(out, System.out);
  }

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /** Runs the command line and returns the exit code (used by main and by tests). */
  public static int execute(String... args) {
    CommandLine cli = new CommandLine(new HardformerCommand());
    cli.setParameterExceptionHandler(new UsageErrorHandler());
    cli.setExecutionExceptionHandler(new ErrorReporter());
    return cli.execute(args);
  }
}

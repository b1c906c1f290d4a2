package io.hardformer.cli;

import io.hardformer.cli.designs.DesignCatalog;
import io.hardformer.cli.designs.GenerateCommand;
import io.hardformer.cli.estimate.EstimateCommand;
import io.hardformer.cli.tile.TileConfig;
import io.hardformer.cli.tile.TileJob;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code hardformer}: with no arguments, the main job on the embedded default design; {@code
 * generate} for one design; {@code rules} lists the elaboration rules. Exit codes are in {@link
 * ExitCodes}.
 */
@Command(
    name = "hardformer",
    mixinStandardHelpOptions = true,
    version = "hardformer 0.1.0",
    description =
        "Generates Verilog-2005 for transformer datapaths from a Java DSL.%n"
            + "With no command: generates the embedded default transformer tile (a 16x16 FP8 FMA array and a "
            + "D=128, G=8 attention unit) into out/ as one design (top module tile_top, filelist out/tile_top.f), self-checks it in Verilator when installed, and prints units, "
            + "FMAs, area, cycles and estimated tokens/s.",
    subcommands = {
      GenerateCommand.class,
      io.hardformer.cli.designs.AreaCommand.class,
      io.hardformer.cli.designs.TimingCommand.class,
      EstimateCommand.class,
      RulesCommand.class,
      io.hardformer.cli.model.RunModelCommand.class,
      io.hardformer.cli.model.RunLayerCommand.class,
      io.hardformer.cli.explore.ExploreCommand.class
    },
    footer = {
      "",
      "Examples:",
      "  ./hardformer                                   # default tile into out/",
      "  ./hardformer --config team-tile.yaml --out build/tile",
      "  ./hardformer estimate --model llama-3-70b --chip h100-sxm --chips 8 --tp 8",
      "  ./hardformer estimate --chip sohu-claim        # the chip Sohu's claim implies",
      "  ./hardformer generate adder-tree --width 8 --depth 3 --out build/tree",
      "  ./hardformer generate --help                   # list designs",
      "",
      "Exit codes: 0 ok, 1 design or I/O error, 2 bad command line, 3 external tool problem, 70 internal error."
    })
public final class HardformerCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--debug",
      scope = CommandLine.ScopeType.INHERIT,
      description = "Show stack traces of errors (for reporting bugs in Hardformer).")
  boolean debug;

  @Option(
      names = "--out",
      defaultValue = "out",
      description = "Output folder for the tile (default: ${DEFAULT-VALUE}).")
  java.nio.file.Path out;

  @Option(
      names = "--config",
      description =
          "A tile description (YAML or JSON: name, clock-ghz, units of design + "
              + "options) instead of the embedded default.")
  java.nio.file.Path config;

  @Option(names = "--no-check", description = "Skip the Verilator self-check of the tile.")
  boolean noCheck;

  @Option(
      names = "--json",
      description = "Print the tile manifest as JSON instead of the summary table.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    io.hardformer.cli.output.OutputFolder.require(spec.commandLine(), "--out", out);
    TileConfig tile = config == null ? TileConfig.embeddedDefault() : TileConfig.load(config);
    TileJob.Result r = new TileJob(tile, out).run(!noCheck, System.err);
    if (json) {
      System.out.println(
          new com.fasterxml.jackson.databind.ObjectMapper()
              .writerWithDefaultPrettyPrinter()
              .writeValueAsString(r.manifest()));
    } else {
      TileJob.print(r, tile, out, System.out);
    }
    r.failures().forEach(f -> System.err.println("hardformer: " + f));
    return r.failures().isEmpty() ? ExitCodes.OK : ExitCodes.DESIGN_ERROR;
  }

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /** Columns of --help: the longest example line with its comment fits. */
  static final int USAGE_WIDTH = 120;

  /** Runs the command line and returns the exit code (used by main and by tests). */
  public static int execute(String... args) {
    CommandLine cli = new CommandLine(new HardformerCommand());
    for (String withDesigns : List.of("generate", "area", "timing")) {
      DesignCatalog.withDesigns(cli.getSubcommands().get(withDesigns));
    }
    cli.setUsageHelpWidth(
        USAGE_WIDTH); // examples stay one line each (picocli's default is 80 columns)
    cli.setParameterExceptionHandler(new UsageErrorHandler());
    cli.setExecutionExceptionHandler(new ErrorReporter());
    return cli.execute(args);
  }
}

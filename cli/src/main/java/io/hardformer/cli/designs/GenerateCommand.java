package io.hardformer.cli.designs;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code hardformer generate <design>}: the catalog of designs, one subcommand each. */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    description = "Writes one design's Verilog, filelist <top>.f and manifest.json into --out.",
    footer = {
      "",
      "Examples:",
      "  ./hardformer generate counter --width 16 --out build/counter",
      "  ./hardformer generate fifo --width 32 --addr-bits 4 --out build/fifo"
    })
public final class GenerateCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(),
        "missing design; valid designs: " + String.join(", ", spec.subcommands().keySet()));
  }
}

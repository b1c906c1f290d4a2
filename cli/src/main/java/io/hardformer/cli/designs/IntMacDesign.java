package io.hardformer.cli.designs;

import io.hardformer.dsl.Module;
import io.hardformer.generators.examples.IntMac;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "int-mac", mixinStandardHelpOptions = true, description = "A signed integer multiply-accumulate.",
    footer = {"", "Example:", "  ./hardformer generate int-mac --out build/int-mac"})
final class IntMacDesign extends DesignCommand {
  @Option(names = "--width", defaultValue = "8", description = "width (1..64, default: ${DEFAULT-VALUE}).")
  int width;

  @Option(names = "--acc", defaultValue = "24", description = "acc (2 x width..256, default: ${DEFAULT-VALUE}).")
  int acc;

  @Override
  Map<String, String> parameters() {
    return params("width", width, "acc", acc);
  }

  @Override
  Module build() {
    range("--width", width, 1, 64);
    range("--acc", acc, 2 * width, 256); // the full product must fit the accumulator
    return new IntMac(width, acc);
  }
}

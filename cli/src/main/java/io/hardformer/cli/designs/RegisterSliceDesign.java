package io.hardformer.cli.designs;

import io.hardformer.dsl.Module;
import io.hardformer.generators.examples.RegisterSlice;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "register-slice", mixinStandardHelpOptions = true, description = "A valid/ready register slice (skid buffer).",
    footer = {"", "Example:", "  ./hardformer generate register-slice --out build/register-slice"})
final class RegisterSliceDesign extends DesignCommand {
  @Option(names = "--width", defaultValue = "32", description = "width (1..4096, default: ${DEFAULT-VALUE}).")
  int width;

  @Override
  Map<String, String> parameters() {
    return params("width", width);
  }

  @Override
  Module build() {
    range("--width", width, 1, 4096);
    return new RegisterSlice(width);
  }
}

package io.hardformer.cli.designs;

import io.hardformer.dsl.Module;
import io.hardformer.generators.examples.Fifo;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "fifo", mixinStandardHelpOptions = true, description = "A register-based valid/ready FIFO of 2^addr-bits entries.",
    footer = {"", "Example:", "  ./hardformer generate fifo --out build/fifo"})
final class FifoDesign extends DesignCommand {
  @Option(names = "--width", defaultValue = "8", description = "width (1..4096, default: ${DEFAULT-VALUE}).")
  int width;

  @Option(names = "--addr-bits", defaultValue = "2", description = "addr-bits (1..10, default: ${DEFAULT-VALUE}).")
  int addrBits;

  @Override
  Map<String, String> parameters() {
    return params("width", width, "addr-bits", addrBits);
  }

  @Override
  Module build() {
    range("--width", width, 1, 4096);
    range("--addr-bits", addrBits, 1, 10);
    return new Fifo(width, addrBits);
  }
}

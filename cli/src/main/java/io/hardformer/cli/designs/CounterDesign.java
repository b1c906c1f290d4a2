package io.hardformer.cli.designs;

import io.hardformer.dsl.Module;
import io.hardformer.generators.examples.Counter;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "counter", mixinStandardHelpOptions = true, description = "A free-running counter with enable.",
    footer = {"", "Example:", "  ./hardformer generate counter --out build/counter"})
final class CounterDesign extends DesignCommand {
  @Option(names = "--width", defaultValue = "8", description = "width (1..4096, default: ${DEFAULT-VALUE}).")
  int width;

  @Override
  Map<String, String> parameters() {
    return params("width", width);
  }

  @Override
  Module build() {
    range("--width", width, 1, 4096);
    return new Counter(width);
  }
}

package io.hardformer.cli.designs;

import io.hardformer.dsl.Module;
import io.hardformer.generators.examples.AdderTree;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "adder-tree", mixinStandardHelpOptions = true, description = "A pipelined binary adder tree of 2^depth inputs.",
    footer = {"", "Example:", "  ./hardformer generate adder-tree --out build/adder-tree"})
final class AdderTreeDesign extends DesignCommand {
  @Option(names = "--width", defaultValue = "8", description = "width (1..1024, default: ${DEFAULT-VALUE}).")
  int width;

  @Option(names = "--depth", defaultValue = "3", description = "depth (1..12, default: ${DEFAULT-VALUE}).")
  int depth;

  @Override
  Map<String, String> parameters() {
    return params("width", width, "depth", depth);
  }

  @Override
  Module build() {
    range("--width", width, 1, 1024);
    range("--depth", depth, 1, 12);
    return new AdderTree(width, depth);
  }
}

package io.hardformer.cli.designs;

import io.hardformer.dsl.Module;
import io.hardformer.generators.examples.Pipeline;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "pipeline", mixinStandardHelpOptions = true, description = "A valid-qualified pipeline of registers (one increment per stage).",
    footer = {"", "Example:", "  ./hardformer generate pipeline --out build/pipeline"})
final class PipelineDesign extends DesignCommand {
  @Option(names = "--width", defaultValue = "8", description = "width (1..4096, default: ${DEFAULT-VALUE}).")
  int width;

  @Option(names = "--stages", defaultValue = "3", description = "stages (1..256, default: ${DEFAULT-VALUE}).")
  int stages;

  @Override
  Map<String, String> parameters() {
    return params("width", width, "stages", stages);
  }

  @Override
  Module build() {
    range("--width", width, 1, 4096);
    range("--stages", stages, 1, 256);
    return new Pipeline(width, stages);
  }
}

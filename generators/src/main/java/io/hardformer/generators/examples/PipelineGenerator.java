package io.hardformer.generators.examples;

import io.hardformer.dsl.Module;
import io.hardformer.generators.catalog.Generator;
import io.hardformer.generators.catalog.Param;
import io.hardformer.generators.catalog.ParameterCheck;
import java.util.List;

/**
 * The {@code pipeline} generator: A valid-qualified pipeline of registers (one increment per
 * stage).
 */
public final class PipelineGenerator implements Generator<PipelineGenerator.Parameters> {
  /** The options of {@code pipeline}. */
  public record Parameters(
      @Param(description = "width (1..4096, default: ${DEFAULT-VALUE}).", defaultValue = "8")
          int width,
      @Param(description = "stages (1..256, default: ${DEFAULT-VALUE}).", defaultValue = "3")
          int stages) {
    public Parameters {
      ParameterCheck.range("--width", width, 1, 4096);
      ParameterCheck.range("--stages", stages, 1, 256);
    }
  }

  @Override
  public String name() {
    return "pipeline";
  }

  @Override
  public int catalogOrder() {
    return 50;
  }

  @Override
  public Class<Parameters> parameterType() {
    return Parameters.class;
  }

  @Override
  public List<String> description() {
    return List.of("A valid-qualified pipeline of registers (one increment per stage).");
  }

  @Override
  public List<String> examples() {
    return List.of("./hardformer generate pipeline --out build/pipeline");
  }

  @Override
  public Module build(Parameters p) {
    return new Pipeline(p.width(), p.stages());
  }
}

package io.hardformer.generators.examples;

import io.hardformer.dsl.Module;
import io.hardformer.generators.catalog.Generator;
import io.hardformer.generators.catalog.Param;
import io.hardformer.generators.catalog.ParameterCheck;
import java.util.List;

/** The {@code counter} generator: A free-running counter with enable. */
public final class CounterGenerator implements Generator<CounterGenerator.Parameters> {
  /** The options of {@code counter}. */
  public record Parameters(
      @Param(description = "width (1..4096, default: ${DEFAULT-VALUE}).", defaultValue = "8")
          int width) {
    public Parameters {
      ParameterCheck.range("--width", width, 1, 4096);
    }
  }

  @Override
  public String name() {
    return "counter";
  }

  @Override
  public int catalogOrder() {
    return 10;
  }

  @Override
  public Class<Parameters> parameterType() {
    return Parameters.class;
  }

  @Override
  public List<String> description() {
    return List.of("A free-running counter with enable.");
  }

  @Override
  public List<String> examples() {
    return List.of("./hardformer generate counter --out build/counter");
  }

  @Override
  public Module build(Parameters p) {
    return new Counter(p.width());
  }
}

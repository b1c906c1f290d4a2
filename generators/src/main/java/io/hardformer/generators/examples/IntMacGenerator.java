package io.hardformer.generators.examples;

import io.hardformer.dsl.Module;
import io.hardformer.generators.catalog.Generator;
import io.hardformer.generators.catalog.Param;
import io.hardformer.generators.catalog.ParameterCheck;
import java.util.List;

/** The {@code int-mac} generator: A signed integer multiply-accumulate. */
public final class IntMacGenerator implements Generator<IntMacGenerator.Parameters> {
  /** The options of {@code int-mac}. */
  public record Parameters(
      @Param(description = "width (1..64, default: ${DEFAULT-VALUE}).", defaultValue = "8")
          int width,
      @Param(description = "acc (2 x width..256, default: ${DEFAULT-VALUE}).", defaultValue = "24")
          int acc) {
    public Parameters {
      ParameterCheck.range("--width", width, 1, 64);
      ParameterCheck.range(
          "--acc", acc, 2 * width, 256); // the full product must fit the accumulator
    }
  }

  @Override
  public String name() {
    return "int-mac";
  }

  @Override
  public int catalogOrder() {
    return 30;
  }

  @Override
  public Class<Parameters> parameterType() {
    return Parameters.class;
  }

  @Override
  public List<String> description() {
    return List.of("A signed integer multiply-accumulate.");
  }

  @Override
  public List<String> examples() {
    return List.of("./hardformer generate int-mac --out build/int-mac");
  }

  @Override
  public Module build(Parameters p) {
    return new IntMac(p.width(), p.acc());
  }
}

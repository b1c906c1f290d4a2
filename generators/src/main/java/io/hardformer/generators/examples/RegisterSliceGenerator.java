package io.hardformer.generators.examples;

import io.hardformer.dsl.Module;
import io.hardformer.generators.catalog.Generator;
import io.hardformer.generators.catalog.Param;
import io.hardformer.generators.catalog.ParameterCheck;
import java.util.List;

/** The {@code register-slice} generator: A valid/ready register slice (skid buffer). */
public final class RegisterSliceGenerator implements Generator<RegisterSliceGenerator.Parameters> {
  /** The options of {@code register-slice}. */
  public record Parameters(
      @Param(description = "width (1..4096, default: ${DEFAULT-VALUE}).", defaultValue = "32")
          int width) {
    public Parameters {
      ParameterCheck.range("--width", width, 1, 4096);
    }
  }

  @Override
  public String name() {
    return "register-slice";
  }

  @Override
  public int catalogOrder() {
    return 40;
  }

  @Override
  public Class<Parameters> parameterType() {
    return Parameters.class;
  }

  @Override
  public List<String> description() {
    return List.of("A valid/ready register slice (skid buffer).");
  }

  @Override
  public List<String> examples() {
    return List.of("./hardformer generate register-slice --out build/register-slice");
  }

  @Override
  public Module build(Parameters p) {
    return new RegisterSlice(p.width());
  }
}

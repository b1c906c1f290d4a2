package io.hardformer.generators.examples;

import io.hardformer.dsl.Module;
import io.hardformer.generators.catalog.Generator;
import io.hardformer.generators.catalog.Param;
import io.hardformer.generators.catalog.ParameterCheck;
import java.util.List;

/** The {@code adder-tree} generator: A pipelined binary adder tree of 2^depth inputs. */
public final class AdderTreeGenerator implements Generator<AdderTreeGenerator.Parameters> {
  /** The options of {@code adder-tree}. */
  public record Parameters(
      @Param(description = "width (1..1024, default: ${DEFAULT-VALUE}).", defaultValue = "8")
          int width,
      @Param(description = "depth (1..12, default: ${DEFAULT-VALUE}).", defaultValue = "3")
          int depth) {
    public Parameters {
      ParameterCheck.range("--width", width, 1, 1024);
      ParameterCheck.range("--depth", depth, 1, 12);
    }
  }

  @Override
  public String name() {
    return "adder-tree";
  }

  @Override
  public int catalogOrder() {
    return 20;
  }

  @Override
  public Class<Parameters> parameterType() {
    return Parameters.class;
  }

  @Override
  public List<String> description() {
    return List.of("A pipelined binary adder tree of 2^depth inputs.");
  }

  @Override
  public List<String> examples() {
    return List.of("./hardformer generate adder-tree --out build/adder-tree");
  }

  @Override
  public Module build(Parameters p) {
    return new AdderTree(p.width(), p.depth());
  }
}

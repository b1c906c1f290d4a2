package io.hardformer.generators.examples;

import io.hardformer.dsl.Module;
import io.hardformer.generators.catalog.Generator;
import io.hardformer.generators.catalog.Param;
import io.hardformer.generators.catalog.ParameterCheck;
import java.util.List;

/** The {@code fifo} generator: A register-based valid/ready FIFO of 2^addr-bits entries. */
public final class FifoGenerator implements Generator<FifoGenerator.Parameters> {
  /** The options of {@code fifo}. */
  public record Parameters(
      @Param(description = "width (1..4096, default: ${DEFAULT-VALUE}).", defaultValue = "8")
          int width,
      @Param(description = "addr-bits (1..10, default: ${DEFAULT-VALUE}).", defaultValue = "2")
          int addrBits) {
    public Parameters {
      ParameterCheck.range("--width", width, 1, 4096);
      ParameterCheck.range("--addr-bits", addrBits, 1, 10);
    }
  }

  @Override
  public String name() {
    return "fifo";
  }

  @Override
  public int catalogOrder() {
    return 60;
  }

  @Override
  public Class<Parameters> parameterType() {
    return Parameters.class;
  }

  @Override
  public List<String> description() {
    return List.of("A register-based valid/ready FIFO of 2^addr-bits entries.");
  }

  @Override
  public List<String> examples() {
    return List.of("./hardformer generate fifo --out build/fifo");
  }

  @Override
  public Module build(Parameters p) {
    return new Fifo(p.width(), p.addrBits());
  }
}

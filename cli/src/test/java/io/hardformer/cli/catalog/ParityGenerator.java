package io.hardformer.cli.catalog;

import io.hardformer.dsl.Module;
import io.hardformer.generators.catalog.Generator;
import io.hardformer.generators.catalog.Param;
import io.hardformer.generators.catalog.ParameterCheck;
import io.hardformer.generators.catalog.SelfCheckPlan;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Supplier;

/**
 * A generator that exists only in the cli's test sources, registered by their own {@code
 * META-INF/services/io.hardformer.generators.catalog.Generator}: the proof that a new generator is
 * its descriptor, its module and one services line, with nothing in cli ({@link
 * TestOnlyGeneratorTest}).
 */
public final class ParityGenerator implements Generator<ParityGenerator.Parameters> {
  /** The options of {@code parity}. */
  public record Parameters(
      @Param(description = "width (1..256, default: ${DEFAULT-VALUE}).", defaultValue = "16")
          int width) {
    public Parameters {
      ParameterCheck.range("--width", width, 1, 256);
    }
  }

  @Override
  public String name() {
    return "parity";
  }

  @Override
  public int catalogOrder() {
    return 10_000;
  }

  @Override
  public Class<Parameters> parameterType() {
    return Parameters.class;
  }

  @Override
  public List<String> description() {
    return List.of(
        "Test-only: the registered parity of a word. Ports: clk, rst, in_valid, in[W-1:0], out_valid, out.");
  }

  @Override
  public List<String> examples() {
    return List.of("./hardformer generate parity --width 8 --out build/parity");
  }

  @Override
  public Module build(Parameters p) {
    return new Parity(p.width());
  }

  @Override
  public Optional<Supplier<SelfCheckPlan>> selfCheck(Parameters p) {
    return Optional.of(
        () -> {
          Random r = new Random(5);
          List<Map<String, BigInteger>> in = new ArrayList<>();
          long[] expected = new long[200];
          for (int v = 0; v < expected.length; v++) {
            BigInteger word = new BigInteger(p.width(), r);
            in.add(Map.of("in", word));
            expected[v] = word.bitCount() % 2; // the golden model
          }
          return new SelfCheckPlan.Vectors(
              in, "out", expected, v -> "word " + v, "200 random words bit-exact");
        });
  }
}

package io.hardformer.generators.fp8;

import io.hardformer.dsl.Module;
import io.hardformer.generators.catalog.Generator;
import io.hardformer.generators.catalog.Param;
import io.hardformer.generators.catalog.ParameterCheck;
import io.hardformer.generators.catalog.SelfCheckPlan;
import io.hardformer.generators.numerics.Fp8Arithmetic;
import io.hardformer.generators.numerics.Fp8Format;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** The {@code fp8-mul} generator: {@link Fp8Mul}, checked on all 65,536 input pairs. */
public final class Fp8MulGenerator implements Generator<Fp8MulGenerator.Parameters> {
  /** The options of {@code fp8-mul}. */
  public record Parameters(
      @Param(description = "e4m3 or e5m2 (OCP OFP8).") String format,
      @Param(
              description = "Pipeline depth = latency, 1..3 (default: ${DEFAULT-VALUE}).",
              defaultValue = "2")
          int stages) {
    public Parameters {
      format = ParameterCheck.choice("--format", format, "e4m3", "e5m2");
      ParameterCheck.range("--stages", stages, 1, 3);
    }
  }

  @Override
  public String name() {
    return "fp8-mul";
  }

  @Override
  public int catalogOrder() {
    return 70;
  }

  @Override
  public Class<Parameters> parameterType() {
    return Parameters.class;
  }

  @Override
  public List<String> description() {
    return List.of(
        "Exact FP8 x FP8 multiplier with FP32 result. Ports: clk, rst, in_valid, a[7:0], b[7:0], "
            + "out_valid, out[31:0]; II 1; out_valid = in_valid delayed by the manifest's latency.");
  }

  @Override
  public List<String> examples() {
    return List.of("./hardformer generate fp8-mul --format e4m3 --out build/mul");
  }

  @Override
  public Module build(Parameters p) {
    return new Fp8Mul(Fp8Format.parse(p.format()), p.stages());
  }

  @Override
  public Map<String, Object> manifest(Parameters p) {
    return Map.of(
        "timingAssumption",
        "~1 GHz: decode, 4x4 (3x3) significand multiply and exponent add in stage 1;"
            + " leading-zero count, normalizing shift and pack in stage 2");
  }

  @Override
  public Optional<Supplier<SelfCheckPlan>> selfCheck(Parameters p) {
    return Optional.of(() -> plan(p));
  }

  private static SelfCheckPlan plan(Parameters p) {
    Fp8Format f = Fp8Format.parse(p.format());
    List<Map<String, BigInteger>> in = new ArrayList<>(65536);
    long[] expected = new long[65536];
    for (int v = 0; v < 65536; v++) {
      in.add(Map.of("a", BigInteger.valueOf(v >>> 8), "b", BigInteger.valueOf(v & 0xFF)));
      expected[v] = Integer.toUnsignedLong(Fp8Arithmetic.multiply(f, v >>> 8, v & 0xFF));
    }
    return new SelfCheckPlan.Vectors(
        in,
        "out",
        expected,
        v -> String.format("0x%02x x 0x%02x", v >>> 8, v & 0xFF),
        "all 65,536 input pairs (every special) bit-exact");
  }
}

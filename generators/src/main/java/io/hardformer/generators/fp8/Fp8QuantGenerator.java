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
import java.util.Random;
import java.util.function.Supplier;

/**
 * The {@code fp8-quant} generator: {@link Fp8Quant}, checked on every FP8 value, its neighbours and
 * specials.
 */
public final class Fp8QuantGenerator implements Generator<Fp8QuantGenerator.Parameters> {
  /** The options of {@code fp8-quant}. */
  public record Parameters(
      @Param(description = "e4m3 or e5m2 (OCP OFP8).") String format,
      @Param(
              description = "Clamp overflow to max normal (default); --no-saturate gives NaN/Inf.",
              defaultValue = "true",
              negatable = true)
          boolean saturate,
      @Param(
              description = "Pipeline depth = latency, 1..2 (default: ${DEFAULT-VALUE}).",
              defaultValue = "2")
          int stages) {
    public Parameters {
      format = ParameterCheck.choice("--format", format, "e4m3", "e5m2");
      ParameterCheck.range("--stages", stages, 1, 2);
    }
  }

  @Override
  public String name() {
    return "fp8-quant";
  }

  @Override
  public int catalogOrder() {
    return 90;
  }

  @Override
  public Class<Parameters> parameterType() {
    return Parameters.class;
  }

  @Override
  public List<String> description() {
    return List.of(
        "FP32 to FP8 quantizer, round-to-nearest-even. Ports: clk, rst, in_valid, in[31:0], out_valid, "
            + "out[7:0]; II 1. Saturating by default (overflow and Inf become +-max normal); --no-saturate: "
            + "overflow becomes NaN (e4m3) or +-Inf (e5m2).");
  }

  @Override
  public List<String> examples() {
    return List.of("./hardformer generate fp8-quant --format e5m2 --no-saturate --out build/quant");
  }

  @Override
  public Module build(Parameters p) {
    return new Fp8Quant(Fp8Format.parse(p.format()), p.saturate(), p.stages());
  }

  @Override
  public Map<String, Object> manifest(Parameters p) {
    return Map.of(
        "timingAssumption",
        "~1 GHz: decode and 32-bit alignment shift in stage 1; round, pack and"
            + " select in stage 2");
  }

  @Override
  public Optional<Supplier<SelfCheckPlan>> selfCheck(Parameters p) {
    return Optional.of(() -> plan(p));
  }

  private static SelfCheckPlan plan(Parameters p) {
    Fp8Format f = Fp8Format.parse(p.format());
    List<Integer> in = new ArrayList<>();
    for (int c = 0; c < 256; c++) {
      double x = f.toDouble(c);
      if (Double.isNaN(x) || Double.isInfinite(x)) {
        continue;
      }
      int bits = Float.floatToRawIntBits((float) x);
      for (int d = -1; d <= 1; d++) {
        in.add(bits + d);
      }
      if ((c & 0x7F) < f.maxNormalCode()) {
        in.add(Float.floatToRawIntBits((float) ((x + f.toDouble(c + 1)) / 2))); // ties
      }
    }
    double max = f.toDouble(f.maxNormalCode());
    for (double x :
        new double[] {max * 1.0625, -max * 1.0625, max * 2, 3.4e38, Math.scalb(1.0, -140)}) {
      in.add(Float.floatToRawIntBits((float) x));
    }
    for (int s :
        new int[] {
          0x00000000,
          0x80000000,
          0x00000001,
          0x807FFFFF,
          0x7F800000,
          0xFF800000,
          0x7FC00000,
          0xFFC00001,
          0x7F7FFFFF
        }) {
      in.add(s);
    }
    Random r = new Random(4);
    for (int i = 0; i < 2000; i++) {
      in.add(
          r.nextBoolean()
              ? r.nextInt()
              : Float.floatToRawIntBits((float) (r.nextGaussian() * max)));
    }
    List<Map<String, BigInteger>> vectors = new ArrayList<>(in.size());
    long[] expected = new long[in.size()];
    for (int v = 0; v < in.size(); v++) {
      vectors.add(Map.of("in", BigInteger.valueOf(Integer.toUnsignedLong(in.get(v)))));
      expected[v] = Fp8Arithmetic.quantize(f, in.get(v), p.saturate());
    }
    return new SelfCheckPlan.Vectors(
        vectors,
        "out",
        expected,
        v -> String.format("quantize(0x%08x)", in.get(v)),
        in.size()
            + " inputs (every FP8 value and its neighbours, "
            + "ties, overflow, +-0, subnormals, Inf, NaN) bit-exact");
  }
}

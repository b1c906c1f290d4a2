package io.hardformer.generators.fp8;

import io.hardformer.dsl.Module;
import io.hardformer.generators.catalog.BillOfMaterials;
import io.hardformer.generators.catalog.BillOfMaterials.Part;
import io.hardformer.generators.catalog.BillOfMaterials.SubModule;
import io.hardformer.generators.catalog.Generator;
import io.hardformer.generators.catalog.LaneUnits;
import io.hardformer.generators.catalog.Param;
import io.hardformer.generators.catalog.ParameterCheck;
import io.hardformer.generators.catalog.SelfCheckPlan;
import io.hardformer.generators.numerics.Fp8Arithmetic;
import io.hardformer.generators.numerics.Fp8Format;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Supplier;

/**
 * The {@code fp8-dot} generator: {@link Fp8Dot}, checked on 2,000 random vectors, half with
 * specials.
 */
public final class Fp8DotGenerator implements Generator<Fp8DotGenerator.Parameters> {
  /** The options of {@code fp8-dot}. */
  public record Parameters(
      @Param(description = "e4m3 or e5m2 (OCP OFP8).") String format,
      @Param(description = "Number of products N, 1..4096.") int lanes,
      @Param(
              description = "Accumulation: exact (the only mode of fp8-dot).",
              defaultValue = "exact")
          String acc,
      @Param(description = "fp32 or bf16 (default: ${DEFAULT-VALUE}).", defaultValue = "fp32")
          String outFormat) {
    public Parameters {
      format = ParameterCheck.choice("--format", format, "e4m3", "e5m2");
      acc = ParameterCheck.choice("--acc", acc, "exact");
      outFormat = ParameterCheck.choice("--out-format", outFormat, "fp32", "bf16");
      ParameterCheck.range("--lanes", lanes, 1, 4096);
    }
  }

  @Override
  public String name() {
    return "fp8-dot";
  }

  @Override
  public int catalogOrder() {
    return 80;
  }

  @Override
  public Class<Parameters> parameterType() {
    return Parameters.class;
  }

  @Override
  public List<String> description() {
    return List.of(
        "Exact FP8 dot product of N lanes, rounded once to FP32 or BF16. Ports: clk, rst, in_valid, "
            + "a[8N-1:0], b[8N-1:0], out_valid, out[31:0] (out[15:0] for bf16); lane i is bits [8i+7:8i]; II 1.");
  }

  @Override
  public List<String> examples() {
    return List.of(
        "./hardformer generate fp8-dot --format e4m3 --lanes 32 --acc exact --out build/dot");
  }

  @Override
  public Module build(Parameters p) {
    return new Fp8Dot(Fp8Format.parse(p.format()), p.lanes(), FloatPacker.parse(p.outFormat()));
  }

  /**
   * The IR estimate of the whole design, composed without constructing N products: the dot with
   * lanes that are ports only (its tree, rounding and control exactly) plus N priced copies of one
   * elaborated {@link Fp8ExactProduct}. Equal to the whole-design estimate
   * (Fp8DotAreaCompositionTest); at 4,096 lanes it answers in a fraction of the time.
   */
  @Override
  public BillOfMaterials area(Parameters p) {
    Fp8Format f = Fp8Format.parse(p.format());
    FloatPacker out = FloatPacker.parse(p.outFormat());
    return new BillOfMaterials(
        List.of(
            Part.of(
                "dotWithoutProducts",
                new SubModule(
                    "fp8_dot", () -> new Fp8Dot(f, p.lanes(), out, LaneUnits.PORTS_ONLY), 1)),
            Part.of(
                "products",
                new SubModule("fp8_exact_product", () -> new Fp8ExactProduct(f), p.lanes()))),
        WHOLE_DESIGN_METHOD);
  }

  /** The method text of a whole-design IR estimate (the area module's GateEstimate). */
  static final String WHOLE_DESIGN_METHOD =
      "pre-synthesis IR estimate (operator gate counts x instances); conservative: 1.4-2.0x a Yosys"
          + " synthesis against hardformer_nand2.lib for the FP8 units (docs/BENCHMARKS.md)";

  /** One multiplier per lane (the significand product), as the whole-design estimate counts. */
  @Override
  public Optional<Long> fmaCount(Parameters p) {
    return Optional.of((long) p.lanes());
  }

  @Override
  public Map<String, Object> manifest(Parameters p) {
    Fp8Format f = Fp8Format.parse(p.format());
    Map<String, Object> m = new LinkedHashMap<>();
    m.put(
        "timingAssumption",
        "~1 GHz: products with alignment shift; two adder-tree levels per stage; leading-zero "
            + "count and normalizing shift; round and pack");
    Map<String, Object> numerics = new LinkedHashMap<>();
    numerics.put("productWindowBits", Fp8Arithmetic.productWindowBits(f));
    numerics.put("accumulatorBits", Fp8Arithmetic.accumulatorBits(f, p.lanes()));
    numerics.put(
        "rounding", "exact sum, rounded once to " + p.outFormat() + " (RNE); exact zero is +0");
    m.put("numerics", numerics);
    return m;
  }

  @Override
  public Optional<Supplier<SelfCheckPlan>> selfCheck(Parameters p) {
    return Optional.of(() -> plan(p));
  }

  private static SelfCheckPlan plan(Parameters p) {
    Fp8Format f = Fp8Format.parse(p.format());
    FloatPacker out = FloatPacker.parse(p.outFormat());
    Random r = new Random(3);
    int n = 2000;
    List<Map<String, BigInteger>> in = new ArrayList<>(n);
    long[] expected = new long[n];
    for (int v = 0; v < n; v++) {
      int odds = v < n / 2 ? 1_000_000 : 5; // the second half with specials
      int[] a = new int[p.lanes()];
      int[] b = new int[p.lanes()];
      for (int i = 0; i < p.lanes(); i++) {
        a[i] = Fp8Stimulus.code(f, r, odds, true);
        b[i] = Fp8Stimulus.code(f, r, odds, true);
      }
      in.add(Map.of("a", Fp8Stimulus.pack8(a), "b", Fp8Stimulus.pack8(b)));
      expected[v] = Fp8Arithmetic.dot(f, a, b, out.format());
    }
    return new SelfCheckPlan.Vectors(
        in,
        "out",
        expected,
        v -> "vector " + v,
        n
            + " vectors (half with "
            + "zeros, subnormals, max normals, NaN"
            + (f.hasInfinities() ? ", Inf" : "")
            + ") bit-exact");
  }
}

package io.hardformer.generators.activation;

import io.hardformer.dsl.Module;
import io.hardformer.generators.catalog.BillOfMaterials;
import io.hardformer.generators.catalog.Generator;
import io.hardformer.generators.catalog.Param;
import io.hardformer.generators.catalog.ParameterCheck;
import io.hardformer.generators.catalog.SelfCheckPlan;
import io.hardformer.generators.numerics.Fp8Format;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Supplier;

/** The {@code gelu} generator: {@link GeluUnit}, its manifest and self-check. */
public final class GeluGenerator implements Generator<GeluGenerator.Parameters> {
  /** The options of {@code gelu}; {@link #shape} is the design's own parameter object. */
  public record Parameters(
      @Param(
              description = "L: FP32 lanes per beat, 1..8 (default: ${DEFAULT-VALUE}).",
              defaultValue = "4")
          int lanes,
      @Param(
              description = "e4m3 or e5m2 (OCP OFP8) for q (default: ${DEFAULT-VALUE}).",
              defaultValue = "e4m3")
          String format) {
    public Parameters {
      format = ParameterCheck.choice("--format", format, "e4m3", "e5m2");
      new GeluShape(lanes, Fp8Format.parse(format)); // checks the sizes
    }

    public GeluShape shape() {
      return new GeluShape(lanes, Fp8Format.parse(format));
    }
  }

  @Override
  public String name() {
    return "gelu";
  }

  @Override
  public int catalogOrder() {
    return 140;
  }

  @Override
  public Class<Parameters> parameterType() {
    return Parameters.class;
  }

  @Override
  public List<String> description() {
    return List.of(
        "GELU, erf form, elementwise: y = x Phi(x) = x (1 + erf(x/sqrt2))/2 on L FP32 lanes per beat, "
            + "by a 64-segment cubic table of Phi; q = y as FP8 (saturating RNE). II 1, fixed latency.",
        "Ports: in_valid, in_ready (always 1), x[32L-1:0], in_last; out_valid, y[32L-1:0], q[8L-1:0], "
            + "out_last. Accuracy: |y - x Phi(x)| <= 2^-23 |y| + 2^-22 |x| + 2^-126.");
  }

  @Override
  public List<String> examples() {
    return List.of(
        "./hardformer generate gelu --out build/gelu",
        "./hardformer generate gelu --lanes 1 --format e5m2 --out build/gelu1",
        "./hardformer generate gelu --lanes 8 --out build/gelu8");
  }

  @Override
  public Module build(Parameters p) {
    return new GeluUnit(p.shape());
  }

  /** The unit with one lane plus L - 1 replicas of {@code lane0} ({@link ActivationBill}). */
  @Override
  public BillOfMaterials area(Parameters p) {
    GeluShape s = p.shape();
    return ActivationBill.of("gelu", () -> new GeluUnit(new GeluShape(1, s.format())), s.lanes());
  }

  @Override
  public Map<String, Object> manifest(Parameters p) {
    GeluShape s = p.shape();
    return ActivationManifest.of(
        "x[32L-1:0]",
        s.latency(),
        "GatedProductCore 12 (decode and align, table, 6 Horner, gate, multiply, normalize, round) "
            + "+ pack 1 + fp8-quant 2",
        "y = x Phi(x): u = floor(|x| 2^24); Phi(u) by one cubic per 1/8 on [0, 8) (64 segments, "
            + "coefficients with 28 fraction bits, Horner with floored products); g = Phi or 1 - Phi by "
            + "the sign, exactly 1 or 0 for |x| >= 8; y = RNE(x g), subnormal inputs exact, results below "
            + "2^-126 flush to zero of their sign",
        "|y - x Phi(x)| <= 2^"
            + GeluAccuracy.RELATIVE_LOG2
            + " |y_ref| + 2^"
            + GeluAccuracy.INPUT_LOG2
            + " |x| + 2^-126 against double precision",
        "NaN gives 0x7FC00000 (q: the FP8 NaN); +Inf gives +Inf (q: +max normal); -Inf gives -0; "
            + "x >= 8 gives y = x, x <= -8 gives -0");
  }

  @Override
  public Optional<Supplier<SelfCheckPlan>> selfCheck(Parameters p) {
    return Optional.of(() -> plan(p.shape()));
  }

  private static SelfCheckPlan plan(GeluShape s) {
    List<Integer> x =
        new ArrayList<>(ActivationStimulus.corners(GatingFunction.GAUSSIAN_CDF, s.format()));
    Random r = new Random(14);
    for (int i = 0; i < 2000; i++) {
      x.add(ActivationStimulus.random(GatingFunction.GAUSSIAN_CDF, r));
    }
    int[][] beats = ActivationSelfCheck.beats(x, s.lanes());
    List<long[]> y = new ArrayList<>();
    List<long[]> q = new ArrayList<>();
    for (int[] beat : beats) {
      long[] yb = new long[beat.length];
      long[] qb = new long[beat.length];
      for (int e = 0; e < beat.length; e++) {
        yb[e] = Integer.toUnsignedLong(GeluGolden.y(s, beat[e]));
        qb[e] = GeluGolden.q(s, beat[e]);
      }
      y.add(yb);
      q.add(qb);
    }
    return ActivationSelfCheck.plan(
        List.of("in_valid", "in_ready", "x", "in_last"),
        List.<int[][]>of(beats),
        y,
        q,
        x.size()
            + " inputs (zeros, subnormals, max normals, Inf, NaN, range ends, segment boundaries, "
            + "FP8 ties) bit-exact in y and q");
  }
}

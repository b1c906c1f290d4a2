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

/** The {@code swiglu} generator: {@link SwigluUnit}, its manifest and self-check. */
public final class SwigluGenerator implements Generator<SwigluGenerator.Parameters> {
  /** The options of {@code swiglu}; {@link #shape} is the design's own parameter object. */
  public record Parameters(
      @Param(
              description = "L: FP32 lane pairs per beat, 1..8 (default: ${DEFAULT-VALUE}).",
              defaultValue = "4")
          int lanes,
      @Param(
              description = "e4m3 or e5m2 (OCP OFP8) for q (default: ${DEFAULT-VALUE}).",
              defaultValue = "e4m3")
          String format) {
    public Parameters {
      format = ParameterCheck.choice("--format", format, "e4m3", "e5m2");
      new SwigluShape(lanes, Fp8Format.parse(format)); // checks the sizes
    }

    public SwigluShape shape() {
      return new SwigluShape(lanes, Fp8Format.parse(format));
    }
  }

  @Override
  public String name() {
    return "swiglu";
  }

  @Override
  public int catalogOrder() {
    return 170;
  }

  @Override
  public Class<Parameters> parameterType() {
    return Parameters.class;
  }

  @Override
  public List<String> description() {
    return List.of(
        "SwiGLU gating, elementwise: y = SiLU(gate) x up = gate sigmoid(gate) up on L FP32 lane pairs per "
            + "beat (FP32 in covers FP8 and BF16 exactly), FP32 y and q = y as FP8 (saturating RNE). II 1.",
        "Ports: in_valid, in_ready (always 1), gate[32L-1:0], up[32L-1:0], in_last; out_valid, y[32L-1:0], "
            + "q[8L-1:0], out_last. Accuracy: |y - y_ref| <= 2^-22 |y_ref| + 2^-21 |gate up| + 2^-126.");
  }

  @Override
  public List<String> examples() {
    return List.of(
        "./hardformer generate swiglu --out build/swiglu",
        "./hardformer generate swiglu --lanes 1 --format e5m2 --out build/swiglu1",
        "./hardformer generate swiglu --lanes 8 --out build/swiglu8");
  }

  @Override
  public Module build(Parameters p) {
    return new SwigluUnit(p.shape());
  }

  /** The unit with one lane plus L - 1 replicas of {@code lane0} ({@link ActivationBill}). */
  @Override
  public BillOfMaterials area(Parameters p) {
    SwigluShape s = p.shape();
    return ActivationBill.of(
        "swiglu", () -> new SwigluUnit(new SwigluShape(1, s.format())), s.lanes());
  }

  @Override
  public Map<String, Object> manifest(Parameters p) {
    SwigluShape s = p.shape();
    return ActivationManifest.of(
        "gate[32L-1:0], up[32L-1:0]",
        s.latency(),
        "GatedProductCore 12 on gate (up decoded beside it) + multiplier 2 + pack 1 + fp8-quant 2",
        "s = SiLU(gate) = gate sigmoid(gate): u = floor(|gate| 2^24); sigmoid(u) by one cubic per 1/4 on "
            + "[0, 16) (64 segments, 28 fraction bits); g = sigmoid or 1 - sigmoid by the sign, exactly 1 "
            + "or 0 for |gate| >= 16; s = RNE(gate g) to 24 bits with an unbounded exponent; y = RNE(s up) "
            + "packed to FP32 (overflow: Inf; below 2^-126: zero of the sign); inputs exact, subnormals "
            + "included",
        "|y - y_ref| <= 2^"
            + SwigluAccuracy.RELATIVE_LOG2
            + " |y_ref| + 2^"
            + SwigluAccuracy.PRODUCT_LOG2
            + " |gate up| + 2^-126 against double precision",
        "IEEE products of SiLU(gate) and up: NaN in gives 0x7FC00000; SiLU(+Inf) = +Inf, SiLU(-Inf) = -0, "
            + "so Inf x 0 gives NaN; q saturates Inf to max normal");
  }

  @Override
  public Optional<Supplier<SelfCheckPlan>> selfCheck(Parameters p) {
    return Optional.of(() -> plan(p.shape()));
  }

  private static SelfCheckPlan plan(SwigluShape s) {
    List<Integer> gate = new ArrayList<>();
    List<Integer> up = new ArrayList<>();
    List<Integer> corners = ActivationStimulus.corners(GatingFunction.SIGMOID, s.format());
    Random r = new Random(15);
    for (int c : corners) { // each corner as gate with a random up, and as up with a random gate
      gate.add(c);
      up.add(ActivationStimulus.random(GatingFunction.SIGMOID, r));
      gate.add(ActivationStimulus.random(GatingFunction.SIGMOID, r));
      up.add(c);
      gate.add(c);
      up.add(0x3F800000); // up = 1: y = SiLU(gate), FP8 ties pass through
    }
    for (int i = 0; i < 2000; i++) {
      gate.add(ActivationStimulus.random(GatingFunction.SIGMOID, r));
      up.add(ActivationStimulus.random(GatingFunction.SIGMOID, r));
    }
    int[][] gates = ActivationSelfCheck.beats(gate, s.lanes());
    int[][] ups = ActivationSelfCheck.beats(up, s.lanes());
    List<long[]> y = new ArrayList<>();
    List<long[]> q = new ArrayList<>();
    for (int b = 0; b < gates.length; b++) {
      long[] yb = new long[s.lanes()];
      long[] qb = new long[s.lanes()];
      for (int e = 0; e < s.lanes(); e++) {
        yb[e] = Integer.toUnsignedLong(SwigluGolden.y(s, gates[b][e], ups[b][e]));
        qb[e] = SwigluGolden.q(s, gates[b][e], ups[b][e]);
      }
      y.add(yb);
      q.add(qb);
    }
    return ActivationSelfCheck.plan(
        List.of("in_valid", "in_ready", "gate", "up", "in_last"),
        List.of(gates, ups),
        y,
        q,
        gate.size()
            + " pairs (zeros, subnormals, max normals, Inf, NaN in gate and in up, range ends, "
            + "segment boundaries, FP8 ties) bit-exact in y and q");
  }
}

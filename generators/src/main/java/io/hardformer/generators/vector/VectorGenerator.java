package io.hardformer.generators.vector;

import io.hardformer.dsl.Module;
import io.hardformer.generators.catalog.BillOfMaterials;
import io.hardformer.generators.catalog.BillOfMaterials.Gate;
import io.hardformer.generators.catalog.BillOfMaterials.GateKind;
import io.hardformer.generators.catalog.BillOfMaterials.Part;
import io.hardformer.generators.catalog.BillOfMaterials.SubModule;
import io.hardformer.generators.catalog.Generator;
import io.hardformer.generators.catalog.Param;
import io.hardformer.generators.catalog.ParameterCheck;
import io.hardformer.generators.catalog.SelfCheckPlan;
import io.hardformer.generators.catalog.SelfCheckPlan.ExpectedBeat;
import io.hardformer.generators.catalog.SelfCheckPlan.ExpectedPort;
import io.hardformer.generators.fp8.Fp8Quant;
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
 * The {@code vector} generator: {@link VectorUnit}, y = a × 2^s + b in FP32 and its FP8
 * requantization, for bias add after a matmul, residual add and requantization.
 */
public final class VectorGenerator implements Generator<VectorGenerator.Parameters> {
  /** The options of {@code vector}. */
  public record Parameters(
      @Param(
              description = "L: FP32 lanes per beat, 1..64 (default: ${DEFAULT-VALUE}).",
              defaultValue = "4")
          int lanes,
      @Param(
              description = "e4m3 or e5m2 (OCP OFP8) for q (default: ${DEFAULT-VALUE}).",
              defaultValue = "e4m3")
          String format) {
    public Parameters {
      format = ParameterCheck.choice("--format", format, "e4m3", "e5m2");
      new VectorShape(lanes, Fp8Format.parse(format)); // checks the lanes
    }

    public VectorShape shape() {
      return new VectorShape(lanes, Fp8Format.parse(format));
    }
  }

  @Override
  public String name() {
    return "vector";
  }

  @Override
  public int catalogOrder() {
    return 120;
  }

  @Override
  public Class<Parameters> parameterType() {
    return Parameters.class;
  }

  @Override
  public List<String> description() {
    return List.of(
        "Vector unit: per lane y = RNE_fp32(a x 2^scale_exp + b) and q = saturating RNE to FP8 of "
            + "y x 2^-qexp; bias add after a matmul, residual add (scale_exp = 0), requantization "
            + "(b = +0).",
        "Ports: clk, rst, in_valid, in_ready, in_last, a[32L-1:0], b[32L-1:0], scale_exp[8L-1:0], "
            + "qexp[7:0], out_valid, out_last, y[32L-1:0], q[8L-1:0]; II 1, latency "
            + VectorUnit.LATENCY
            + ".");
  }

  @Override
  public List<String> examples() {
    return List.of(
        "./hardformer generate vector --lanes 4 --format e4m3 --out build/vector",
        "./hardformer generate vector --lanes 1 --format e5m2 --out build/vector1",
        "./hardformer generate vector --lanes 64 --out build/vector64");
  }

  @Override
  public Module build(Parameters p) {
    return new VectorUnit(p.shape());
  }

  @Override
  public Map<String, Object> manifest(Parameters p) {
    Map<String, Object> m = new LinkedHashMap<>();
    Map<String, Object> protocol = new LinkedHashMap<>();
    protocol.put(
        "input",
        "valid/ready (in_ready always high): a, b FP32 (lane e in bits [32e+31:32e]), scale_exp "
            + "signed 8-bit per lane (bits [8e+7:8e]), qexp signed 8-bit per beat, in_last");
    protocol.put(
        "output",
        "valid-only, one beat per input beat: y FP32, q FP8 (lane e in bits [8e+7:8e]), out_last "
            + "= in_last of the beat");
    m.put("protocol", protocol);
    Map<String, Object> cycles = new LinkedHashMap<>();
    cycles.put("latency", VectorUnit.LATENCY);
    cycles.put("initiationInterval", 1);
    cycles.put(
        "latencyFormula",
        ScaledAdder.LATENCY
            + " (scaled add) + "
            + ExponentShift.LATENCY
            + " (y x 2^-qexp) + 2 (fp8-quant)");
    m.put("cycleContract", cycles);
    Map<String, Object> n = new LinkedHashMap<>();
    n.put(
        "y",
        "a x 2^s exact (10-bit exponent), + b, one RNE rounding to FP32: overflow to Inf, "
            + "gradual underflow; NaN or Inf - Inf gives 0x7FC00000; -0 + -0 = -0, exact cancellation +0");
    n.put(
        "q",
        "saturating RNE of y x 2^-qexp to "
            + p.format()
            + ": NaN gives the canonical NaN, Inf and "
            + "overflow +-max normal, sign of zero kept");
    n.put("accuracy", "|y - exact| <= FP32 ulp/2; |q - y x 2^-qexp| <= FP8 ulp/2 below max normal");
    m.put("numerics", n);
    m.put(
        "timingAssumption",
        "~1 GHz: one 34-bit add/compare, one barrel shift or one leading-zero count per stage");
    return m;
  }

  @Override
  public BillOfMaterials area(Parameters p) {
    int lanes = p.lanes();
    Fp8Format f = Fp8Format.parse(p.format());
    int delayBits =
        8 * ScaledAdder.LATENCY + lanes * 32 * (VectorUnit.LATENCY - ScaledAdder.LATENCY);
    return new BillOfMaterials(
        List.of(
            Part.of("scaledAdders", new SubModule("scaled_adder", ScaledAdder::new, lanes)),
            Part.of("exponentShifts", new SubModule("exponent_shift", ExponentShift::new, lanes)),
            Part.of(
                "quantizers", new SubModule("fp8_quant", () -> new Fp8Quant(f, true, 2), lanes)),
            Part.of(
                "delays",
                new Gate(GateKind.FLIP_FLOP, delayBits),
                new Gate(
                    GateKind.RESET_FLIP_FLOP,
                    ScaledAdder.LATENCY + ExponentShift.LATENCY + VectorUnit.LATENCY))),
        "per lane: one scaled adder, one exponent shift, one fp8-quant (IR estimates), plus the qexp, "
            + "y, valid and last delay registers");
  }

  @Override
  public Optional<Supplier<SelfCheckPlan>> selfCheck(Parameters p) {
    return Optional.of(() -> plan(p.shape()));
  }

  /** Corner values of FP32 for a, b and y: zeros, subnormals, max normals, Inf, NaN. */
  public static final int[] FP32_SPECIALS = {
    0x00000000, 0x80000000, 0x00000001, 0x80000001, 0x007FFFFF, 0x807FFFFF, 0x00800000,
    0x80800000, 0x7F7FFFFF, 0xFF7FFFFF, 0x7F800000, 0xFF800000, 0x7FC00000, 0xFFC00001,
    0x3F800000, 0xBF800000
  };

  private static SelfCheckPlan plan(VectorShape s) {
    Random r = new Random(14);
    int lanes = s.lanes();
    List<BigInteger[]> beats = new ArrayList<>();
    List<ExpectedBeat> expected = new ArrayList<>();
    int count = 500;
    for (int t = 0; t < count; t++) {
      int[] a = new int[lanes];
      int[] b = new int[lanes];
      int[] sc = new int[lanes];
      int qexp = r.nextInt(256) - 128;
      if (r.nextInt(3) > 0) {
        qexp = r.nextInt(17) - 8;
      }
      long[] y = new long[lanes];
      long[] q = new long[lanes];
      for (int e = 0; e < lanes; e++) {
        a[e] = stimulus(r);
        b[e] = stimulus(r);
        sc[e] = r.nextInt(4) == 0 ? r.nextInt(256) - 128 : r.nextInt(9) - 4;
        int yy = VectorGolden.y(a[e], sc[e], b[e]);
        y[e] = Integer.toUnsignedLong(yy);
        q[e] = VectorGolden.q(s, yy, qexp);
      }
      beats.add(
          new BigInteger[] {
            pack(a, 32),
            pack(b, 32),
            pack(sc, 8),
            BigInteger.valueOf(qexp & 0xFF),
            BigInteger.valueOf(t % 7 == 6 ? 1 : 0)
          });
      expected.add(
          new ExpectedBeat(
              List.of(
                  new ExpectedPort("beat " + t + " y", 32, y),
                  new ExpectedPort("beat " + t + " q", 8, q),
                  new ExpectedPort("beat " + t + " out_last", 0, t % 7 == 6 ? 1 : 0))));
    }
    return new SelfCheckPlan.Streamed(
        List.of("in_valid", "in_ready", "a", "b", "scale_exp", "qexp", "in_last"),
        List.of("out_valid", "y", "q", "out_last"),
        beats,
        expected,
        count * lanes
            + " lanes (zeros, subnormals, max normals, Inf, NaN, cancellations, overflow and "
            + "underflow of a x 2^s) bit-exact on y and q, out_last every 7th beat");
  }

  /** A random FP32 input: a special, a near value, or random bits. */
  static int stimulus(Random r) {
    int k = r.nextInt(8);
    if (k == 0) {
      return FP32_SPECIALS[r.nextInt(FP32_SPECIALS.length)];
    }
    if (k <= 2) {
      return Float.floatToRawIntBits((float) r.nextGaussian());
    }
    return r.nextInt();
  }

  /** Lane values packed with lane 0 in the low bits. */
  public static BigInteger pack(int[] lanes, int width) {
    BigInteger word = BigInteger.ZERO;
    BigInteger mask = BigInteger.ONE.shiftLeft(width).subtract(BigInteger.ONE);
    for (int e = lanes.length - 1; e >= 0; e--) {
      word = word.shiftLeft(width).or(BigInteger.valueOf(lanes[e]).and(mask));
    }
    return word;
  }
}

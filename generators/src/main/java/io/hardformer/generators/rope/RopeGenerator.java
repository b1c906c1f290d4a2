package io.hardformer.generators.rope;

import io.hardformer.dsl.Module;
import io.hardformer.generators.catalog.BillOfMaterials;
import io.hardformer.generators.catalog.BillOfMaterials.Part;
import io.hardformer.generators.catalog.BillOfMaterials.Replica;
import io.hardformer.generators.catalog.BillOfMaterials.SubModule;
import io.hardformer.generators.catalog.Generator;
import io.hardformer.generators.catalog.Param;
import io.hardformer.generators.catalog.ParameterCheck;
import io.hardformer.generators.catalog.SelfCheckPlan;
import io.hardformer.generators.catalog.SelfCheckPlan.ExpectedBeat;
import io.hardformer.generators.catalog.SelfCheckPlan.ExpectedPort;
import io.hardformer.generators.numerics.Fp8Format;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Supplier;

/** The {@code rope} generator: {@link RopeUnit}, its manifest, area bill and self-check. */
public final class RopeGenerator implements Generator<RopeGenerator.Parameters> {
  /** The options of {@code rope}; {@link #shape} is the design's own parameter object. */
  public record Parameters(
      @Param(
              description = "D: elements per head row, even, 2..1024 (default: ${DEFAULT-VALUE}).",
              defaultValue = "128")
          int headDim,
      @Param(
              description = "The rotary base, 2..100000000 (default: ${DEFAULT-VALUE}, Llama-3).",
              defaultValue = "500000")
          int theta,
      @Param(
              description = "P: the largest position, 1..16777216 (default: ${DEFAULT-VALUE}).",
              defaultValue = "8192")
          int maxPosition,
      @Param(
              description =
                  "L: elements per beat, 1..64, dividing D/2 (default: ${DEFAULT-VALUE}).",
              defaultValue = "4")
          int lanes,
      @Param(
              description = "e4m3 or e5m2 (OCP OFP8) for the q output (default: ${DEFAULT-VALUE}).",
              defaultValue = "e4m3")
          String format) {
    public Parameters {
      format = ParameterCheck.choice("--format", format, "e4m3", "e5m2");
      new RopeShape(headDim, theta, maxPosition, lanes, Fp8Format.parse(format)); // checks
    }

    public RopeShape shape() {
      return new RopeShape(headDim, theta, maxPosition, lanes, Fp8Format.parse(format));
    }
  }

  @Override
  public String name() {
    return "rope";
  }

  @Override
  public int catalogOrder() {
    return 175;
  }

  @Override
  public Class<Parameters> parameterType() {
    return Parameters.class;
  }

  @Override
  public List<String> description() {
    return List.of(
        "Rotary embedding of one head row (HF Llama: element i pairs with i + D/2) at a position given"
            + " on a port: angle step by a 64-bit constant per pair, sin/cos by a 256-entry table and"
            + " a second-order correction, one exact rotation rounded once to FP32; q = y as FP8.",
        "Ports: in_valid, in_ready (always 1), x (L FP32 lanes), position; out_valid, y (L FP32"
            + " lanes), q (L FP8 codes), out_last. A row is D/L beats, II 1; cycle contract and"
            + " numerics in manifest.json.");
  }

  @Override
  public List<String> examples() {
    return List.of(
        "./hardformer generate rope --out build/rope",
        "./hardformer generate rope --head-dim 6 --lanes 1 --theta 10000 --max-position 100"
            + " --format e5m2 --out build/rope-small",
        "./hardformer generate rope --head-dim 64 --lanes 32 --max-position 16777216 --out build/rope32");
  }

  @Override
  public Module build(Parameters p) {
    return new RopeUnit(p.shape());
  }

  /**
   * The unit with one lane (the same D: the same row buffer bits and angle-step entries) plus L - 1
   * replicas of its lane modules.
   */
  @Override
  public BillOfMaterials area(Parameters p) {
    RopeShape s = p.shape();
    RopeShape oneLane = new RopeShape(s.headDim(), s.theta(), s.maxPosition(), 1, s.format());
    SubModule unit = new SubModule("rope", () -> new RopeUnit(oneLane), 1);
    List<Part> parts = new ArrayList<>();
    parts.add(Part.of("unitWithOneLane", unit));
    if (s.lanes() > 1) {
      parts.add(
          Part.of(
              "moreLanes",
              new Replica(unit, "trig0", s.lanes() - 1),
              new Replica(unit, "rot0", s.lanes() - 1),
              new Replica(unit, "quant0", s.lanes() - 1)));
    }
    return new BillOfMaterials(
        parts,
        "pre-synthesis IR estimate composed from parts (the unit with one lane: row buffers of D"
            + " FP32 values and D/2 angle steps, as in the L-lane unit; + L - 1 sin/cos, rotation"
            + " and quantizer lanes); the per-lane phase multipliers and the wider buffer"
            + " multiplexers of the extra lanes are not counted");
  }

  @Override
  public Map<String, Object> manifest(Parameters p) {
    RopeShape s = p.shape();
    int h = s.beatsPerHalf();
    Map<String, Object> m = new LinkedHashMap<>();
    Map<String, Object> protocol = new LinkedHashMap<>();
    protocol.put(
        "input",
        "valid/ready, L lanes per beat: x (FP32, element e in bits [32e+31:32e]) and position[W-1:0]"
            + " (W = "
            + s.positionBits()
            + ", 0.."
            + s.maxPosition()
            + "), read on a row's first beat; a row is 2H = D/L beats in element order; in_ready is"
            + " always 1");
    protocol.put(
        "output",
        "valid-only, 2H beats per row in element order: y (FP32, bits [32e+31:32e]) and q (FP8 "
            + s.format().cliName()
            + ", saturating RNE of y, bits [8e+7:8e]); out_last on the row's last beat");
    protocol.put(
        "storage",
        "row buffers of the first and second half (D FP32 values): the first-half outputs leave"
            + " as the second half arrives, the second-half outputs drain one beat a cycle after"
            + " the row's last beat, while the next row's first half may stream in");
    m.put("protocol", protocol);
    Map<String, Object> cycles = new LinkedHashMap<>();
    cycles.put("beatsPerRow", 2 * h);
    cycles.put("latency", s.latency());
    cycles.put(
        "latencyMeaning",
        "second-half beat j accepted to output beat j (first half); output beat H + j leaves"
            + " latency + 1 + j cycles after the row's last beat");
    cycles.put("initiationInterval", 1);
    cycles.put(
        "stages",
        "issue 1 + angle-step look-up 1 + phase multiply 1 + sin/cos "
            + RopeSinCos.LATENCY
            + " + rotation "
            + RopeRotationLane.LATENCY
            + " + fp8-quant "
            + RopeUnit.FP8_QUANT_STAGES);
    cycles.put("rowPeriod", 2 * h);
    cycles.put(
        "cyclesFormula",
        "T rows back to back: 2H T + H + " + s.latency() + " cycles, first beat to last output");
    m.put("cycleContract", cycles);
    Map<String, Object> n = new LinkedHashMap<>();
    n.put(
        "algorithm",
        "F_i = round(2^64 theta^(-2i/D) / 2pi) (StrictMath); phase = bits 63..32 of position x F_i"
            + " (turns); sin, cos (unit 2^-30) by a 256-entry quarter-wave table and t + d with d"
            + " to second order; y_i = RNE_fp32(x_i cos - x_{i+D/2} sin), y_{i+D/2} ="
            + " RNE_fp32(x_{i+D/2} cos + x_i sin), each the exact sum of two exact products rounded"
            + " once (subnormals in and out)");
    n.put(
        "accuracy",
        "|y - y_ref| <= 2^"
            + RopeAccuracy.RELATIVE_LOG2
            + " max|x_pair| + 2^-24 |y_ref| + 2^-150 against double precision, positions up to"
            + " 2^24");
    n.put(
        "specials",
        "a NaN or Inf in x_i or x_{i+D/2} makes both outputs of the pair 0x7FC00000; an exact zero"
            + " is +0; overflow gives Inf (q saturates)");
    m.put("numerics", n);
    m.put(
        "timingAssumption",
        "~1 GHz: per stage one 32 x 62 (phase) or 24 x 32 (product) multiply, one 60-bit add or"
            + " one 120-bit barrel shift; the phase multiply is the deepest stage");
    return m;
  }

  @Override
  public Optional<Supplier<SelfCheckPlan>> selfCheck(Parameters p) {
    return Optional.of(() -> plan(p.shape()));
  }

  /** Rows of specials and of model-like values at positions 0, P and random ones. */
  private static SelfCheckPlan plan(RopeShape s) {
    int[] specials = {
      0, 0x80000000, 1, 0x807FFFFF, 0x7F7FFFFF, 0xFF7FFFFF, 0x7F800000, 0x7FC00000, 0x3F800000
    };
    Random r = new Random(175);
    int d = s.headDim();
    int lanes = s.lanes();
    List<BigInteger[]> beats = new ArrayList<>();
    List<ExpectedBeat> expected = new ArrayList<>();
    int rows = 8;
    for (int t = 0; t < rows; t++) {
      int[] x = new int[d];
      for (int i = 0; i < d; i++) {
        x[i] =
            t % 2 == 1 && i % 3 == 0
                ? specials[r.nextInt(specials.length)]
                : Float.floatToRawIntBits((float) r.nextGaussian());
      }
      int position = t == 0 ? 0 : t == 1 ? s.maxPosition() : r.nextInt(s.maxPosition() + 1);
      int[] y = RopeGolden.row(s, x, position);
      for (int b = 0; b < d / lanes; b++) {
        BigInteger word = BigInteger.ZERO;
        long[] ye = new long[lanes];
        long[] qe = new long[lanes];
        for (int l = lanes - 1; l >= 0; l--) {
          int e = b * lanes + l;
          word = word.shiftLeft(32).or(BigInteger.valueOf(Integer.toUnsignedLong(x[e])));
          ye[l] = Integer.toUnsignedLong(y[e]);
          qe[l] = RopeGolden.q(s, y[e]);
        }
        beats.add(new BigInteger[] {word, BigInteger.valueOf(position)});
        String where = "row " + t + " beat " + b;
        expected.add(
            new ExpectedBeat(
                List.of(
                    new ExpectedPort(where + " y", 32, ye),
                    new ExpectedPort(where + " q", 8, qe),
                    new ExpectedPort(where + " out_last", 0, b == d / lanes - 1 ? 1 : 0))));
      }
    }
    return new SelfCheckPlan.Streamed(
        List.of("in_valid", "in_ready", "x", "position"),
        List.of("out_valid", "y", "q", "out_last"),
        beats,
        expected,
        rows
            + " rows of "
            + d
            + " (model-like values, zeros, subnormals, max normals, Inf, NaN) at positions 0, "
            + s.maxPosition()
            + " and random, y and q bit-exact");
  }
}

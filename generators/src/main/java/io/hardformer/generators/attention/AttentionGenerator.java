package io.hardformer.generators.attention;

import io.hardformer.dsl.Module;
import io.hardformer.generators.catalog.AttentionFacts;
import io.hardformer.generators.catalog.BillOfMaterials;
import io.hardformer.generators.catalog.BillOfMaterials.Part;
import io.hardformer.generators.catalog.BillOfMaterials.Replica;
import io.hardformer.generators.catalog.BillOfMaterials.SubModule;
import io.hardformer.generators.catalog.Generator;
import io.hardformer.generators.catalog.LaneUnits;
import io.hardformer.generators.catalog.Param;
import io.hardformer.generators.catalog.ParameterCheck;
import io.hardformer.generators.catalog.SelfCheckPlan;
import io.hardformer.generators.catalog.SelfCheckPlan.ExpectedBeat;
import io.hardformer.generators.catalog.SelfCheckPlan.ExpectedPort;
import io.hardformer.generators.fp8.FloatPacker;
import io.hardformer.generators.fp8.Fp8ExactProduct;
import io.hardformer.generators.fp8.Fp8ExactTermStages;
import io.hardformer.generators.fp8.Fp8Stimulus;
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
 * The {@code attention} generator: {@link AttentionUnit}, its manifest, area bill, step contract
 * and self-check.
 */
public final class AttentionGenerator implements Generator<AttentionGenerator.Parameters> {
  /** The options of {@code attention}; {@link #shape} is the design's own parameter object. */
  public record Parameters(
      @Param(description = "D: head dimension, 1..1024 (Llama-3: 128).") int headDim,
      @Param(description = "G: query heads per KV head, 1..64 (Llama-3: 8).") int qHeads,
      @Param(description = "e4m3 or e5m2 (OCP OFP8) for q, K and V.") String format,
      @Param(description = "bf16 or fp32 (default: ${DEFAULT-VALUE}).", defaultValue = "bf16")
          String outFormat,
      @Param(
              description =
                  "Registered stages of the drain's acc x reciprocal product, 1..27 (default:"
                      + " ${DEFAULT-VALUE}): each stage multiplies by a 27/N-bit slice of the"
                      + " reciprocal; each stage above 1 adds 1 cycle of latency (not of step period)"
                      + " and an acc and partial-product register per element. 1 does not"
                      + " synthesize at 0.18 um (docs/BENCHMARKS.md, issue 17).",
              defaultValue = "2")
          int drainStages,
      @Param(
              description =
                  "default, deep or deep-compact (default: ${DEFAULT-VALUE}): deep adds registers"
                      + " inside the long steps (the scale and the p x v term two stages each, t one,"
                      + " exp2 seven, the accumulate loops in rescaling windows, the drain product kept"
                      + " in carry-save form and resolved in two, the rounding in four) for the same"
                      + " output bits, at D = 128 15 more cycles of step period, 20 more of latency"
                      + " and about twice the area (fewer cycles at a smaller D: the manifest's"
                      + " cycleContract; docs/BENCHMARKS.md, Attention's accumulate loops in rescaling"
                      + " windows);"
                      + " deep-compact keeps the loops' shifter (about 38 FO4) for 2 cycles fewer and"
                      + " about a third of the extra area.",
              defaultValue = "default")
          String pipeline) {
    public Parameters {
      format = ParameterCheck.choice("--format", format, "e4m3", "e5m2");
      outFormat = ParameterCheck.choice("--out-format", outFormat, "bf16", "fp32");
      pipeline = ParameterCheck.choice("--pipeline", pipeline, AttentionPipeline.cliNames());
      new AttentionShape(
          headDim,
          qHeads,
          Fp8Format.parse(format),
          FloatPacker.parse(outFormat),
          drainStages,
          AttentionPipeline.parse(pipeline)); // checks the sizes
    }

    /** The options with the default {@code --pipeline}. */
    public Parameters(int headDim, int qHeads, String format, String outFormat, int drainStages) {
      this(headDim, qHeads, format, outFormat, drainStages, "default");
    }

    /** The options with the default {@code --drain-stages}. */
    public Parameters(int headDim, int qHeads, String format, String outFormat) {
      this(headDim, qHeads, format, outFormat, AttentionShape.DEFAULT_DRAIN_STAGES, "default");
    }

    public AttentionShape shape() {
      return new AttentionShape(
          headDim,
          qHeads,
          Fp8Format.parse(format),
          FloatPacker.parse(outFormat),
          drainStages,
          AttentionPipeline.parse(pipeline));
    }
  }

  @Override
  public String name() {
    return "attention";
  }

  @Override
  public int catalogOrder() {
    return 110;
  }

  @Override
  public Class<Parameters> parameterType() {
    return Parameters.class;
  }

  @Override
  public List<String> description() {
    return List.of(
        "Streaming grouped-query attention: G query heads share one K/V stream; o = softmax(q.K^T/sqrt(D)).V "
            + "per head with an online softmax, one key/value pair per cycle, no score buffer (S unbounded by storage).",
        "Ports: in_valid, in_ready, in_first (loads q[8GD-1:0]), in_last, k[8D-1:0], v[8D-1:0]; out_valid, out_last, "
            + "out[D*W-1:0] one head per cycle. Cycle contract and internal formats in manifest.json.");
  }

  @Override
  public List<String> examples() {
    return List.of(
        "./hardformer generate attention --head-dim 128 --q-heads 8 --format e4m3 --out build/attn",
        "./hardformer generate attention --head-dim 64 --q-heads 4 --format e5m2 --out-format fp32 --drain-stages 4 --out build/attn64",
        "./hardformer generate attention --head-dim 128 --q-heads 8 --format e4m3 --drain-stages 4 --pipeline deep --out build/attn-deep");
  }

  @Override
  public Module build(Parameters p) {
    return new AttentionUnit(p.shape());
  }

  /** The options as emitted in every file's header; {@code pipeline} only when not the default. */
  @Override
  public Map<String, String> parameterValues(Parameters p) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("head-dim", String.valueOf(p.headDim()));
    m.put("q-heads", String.valueOf(p.qHeads()));
    m.put("format", p.format());
    m.put("out-format", p.outFormat());
    m.put("drain-stages", String.valueOf(p.drainStages()));
    if (!p.pipeline().equals("default")) {
      m.put("pipeline", p.pipeline());
    }
    return m;
  }

  /**
   * The unit with one query head (elaborated once) plus G - 1 replicas of its instance {@code
   * head0}, so the estimate never builds more than one head of D lanes
   * (AttentionAreaCompositionTest fails if the instance name changes). It leaves out what only the
   * extra heads add outside a head (their q register bits and the head-select multiplexers): 2.1%
   * of the NAND2 equivalents at D = 128, G = 8 (AttentionAreaCompositionTest compares both at small
   * sizes).
   */
  @Override
  public BillOfMaterials area(Parameters p) {
    AttentionShape s = p.shape();
    AttentionShape oneHead =
        new AttentionShape(
            s.headDim(), 1, s.format(), s.outFormat(), s.drainStages(), s.pipeline());
    List<Part> parts = new ArrayList<>();
    // the heads' q . k products are priced from one elaborated copy (D per head), not built D x G
    // times: the unit is elaborated with lanes that are ports only (zero area), so each part is
    // exactly what it was with the products inside
    SubModule unit =
        new SubModule("attention_unit", () -> new AttentionUnit(oneHead, LaneUnits.PORTS_ONLY), 1);
    SubModule product =
        s.deep()
            ? new SubModule(
                "fp8_exact_term_stages", () -> new Fp8ExactTermStages(s.format()), s.headDim())
            : new SubModule(
                "fp8_exact_product", () -> new Fp8ExactProduct(s.format()), s.headDim());
    SubModule drain =
        new SubModule("attention_drain_lane", () -> AttentionUnit.drainLane(s), s.headDim());
    parts.add(Part.of("unitWithOneHead", unit, product, drain));
    if (s.qHeads() > 1) {
      long more = s.qHeads() - 1;
      parts.add(
          Part.of(
              "moreHeads",
              new Replica(unit, "head0", more),
              new SubModule(product.kind(), product.module(), more * s.headDim())));
    }
    return new BillOfMaterials(
        parts,
        "pre-synthesis IR estimate composed from parts (the unit with one head + "
            + "G - 1 heads, operator gate counts x instances); conservative: 1.4-2.0x a Yosys synthesis against "
            + "hardformer_nand2.lib for the FP8 units (docs/BENCHMARKS.md)");
  }

  @Override
  public Optional<Long> fmaCount(Parameters p) {
    return Optional.of(p.shape().fmaCount());
  }

  @Override
  public Optional<AttentionFacts> attention(Parameters p) {
    AttentionShape s = p.shape();
    return Optional.of(new AttentionFacts(s.qHeads(), s.headDim(), s.stepPeriod(0)));
  }

  @Override
  public Map<String, Object> manifest(Parameters p) {
    AttentionShape s = p.shape();
    Map<String, Object> m = new LinkedHashMap<>();
    Map<String, Object> protocol = new LinkedHashMap<>();
    protocol.put(
        "input",
        "valid/ready, one key/value pair per beat: k[8D-1:0], v[8D-1:0] (element d in bits "
            + "[8d+7:8d]); in_first marks a step's first pair and loads q[8GD-1:0] (head h element d in bits "
            + "[8(hD+d)+7:8(hD+d)]); in_last marks its last pair; in_ready is low from the last pair until the step's "
            + "heads are drained");
    protocol.put(
        "output",
        "valid-only: one head per cycle, heads 0..G-1; out[W(d+1)-1:Wd] is element d; out_last "
            + "on head G-1");
    protocol.put(
        "storage",
        "no K, V or score buffer: S is bounded only by the arithmetic headroom, 2^"
            + AttentionShape.LOG2_MAX_S
            + " pairs");
    m.put("protocol", protocol);
    Map<String, Object> cycles = new LinkedHashMap<>();
    cycles.put("cyclesPerPair", 1);
    cycles.put("cyclesPerStep", "S + " + s.overhead() + " (first pair accepted to last head out)");
    cycles.put(
        "stepPeriod",
        "S + " + (s.stepPeriod(0)) + " (first pair to next step's first pair, back to back)");
    cycles.put("latencyFromLastPair", s.latency());
    cycles.put(
        "overheadFormula",
        (s.deep()
                ? "2 + ceil(L/6) + 1 (dot: products, L 3:2 levels taking D words to 2, add)"
                : "ceil(log2 D)/2 + 1 (dot)")
            + " + 6 (scale, max, exp2, p.v, accumulate, input) + 1 "
            + "(normalize) + 27 (divide) + G (drain) + "
            + s.drainStages()
            + (s.deep()
                ? " (product, --drain-stages) + 1 (lane input) + 2 (resolve) + 4 (round) - 1, and"
                    + (s.windows()
                        ? " 15 (scale 2, t 1, exp2 7, term 2, rescaling window 1, l's readout 1"
                            + " and leading zeros 1: --pipeline deep)"
                        : " 13 (scale 2, t 1, exp2 7, term 2, l's leading zeros 1:"
                            + " --pipeline deep-compact)")
                    + " in the accumulate"
                : " (product, --drain-stages) + 2 (round) - 1"));
    cycles.put("drainStages", s.drainStages());
    if (s.deep()) {
      cycles.put("pipeline", s.pipeline().cliName());
    }
    m.put("cycleContract", cycles);
    Map<String, Object> n = new LinkedHashMap<>();
    n.put("score", "q.k exact: " + s.scoreBits() + "-bit integer, unit 2^" + s.scoreUnit());
    n.put(
        "logit",
        "x = floor(score x "
            + s.scaleConstant()
            + " / 2^"
            + s.scaleShift()
            + "): log2(e)/sqrt(D) folded in, "
            + AttentionShape.X_FRACTION
            + " fraction bits, "
            + s.xBits()
            + " bits");
    n.put(
        "runningMax",
        "m = max of ceil(x), integer, "
            + s.maxBits()
            + " bits; rescale by 2^(m_old - m_new) is a shift");
    n.put(
        "exp2",
        "p = 2^(x - m): table of 2^(-i/64) (25 bits) for the top 6 fraction bits, times 1 - a + a^2/2 "
            + "(a = r ln2, ln2 = "
            + AttentionShape.LN2
            + "/2^16), "
            + AttentionShape.EXP2_BITS
            + " fraction bits, widened to "
            + AttentionShape.P_FRACTION
            + " and shifted by the integer part");
    n.put(
        "sum",
        "l = (l >> n) + p, "
            + s.sumBits()
            + " bits unsigned, unit 2^-"
            + AttentionShape.P_FRACTION);
    n.put(
        "accumulator",
        "acc_d = (acc_d >> n) + p x v_d (exact), "
            + s.accBits()
            + " bits signed, unit 2^"
            + (s.format().quantumExponent() - AttentionShape.P_FRACTION));
    n.put(
        "division",
        "27-bit reciprocal floor(2^(L+25) / (l << lz)) by a restoring divider (27 cycles), then "
            + "acc_d x reciprocal (exact, over "
            + s.drainStages()
            + " stage(s) of 27/"
            + s.drainStages()
            + "-bit reciprocal slices) rounded once (RNE) to "
            + s.outFormat().cliName());
    n.put(
        "specials",
        "a NaN/Inf product in q.k or a NaN/Inf V element makes the head's outputs the canonical NaN");
    n.put(
        "accuracy",
        "|o - o_ref| <= 2^"
            + AttentionAccuracy.RELATIVE_LOG2
            + " x max|o_ref| + (2^"
            + AttentionAccuracy.FLOOR_LOG2
            + " + S x 2^"
            + AttentionAccuracy.PER_PAIR_LOG2
            + ") x max|V| per head against "
            + "double-precision attention on the same FP8 inputs, beyond the output format's own rounding, for S <= 2^"
            + AttentionShape.LOG2_MAX_S);
    m.put("numerics", n);
    m.put(
        "timingAssumption",
        "~1 GHz: D-lane exact dot tree two levels per stage; one stage each for scale, "
            + "max, exp2 and p.v; the accumulate closes a one-cycle add-and-shift loop; the drain's "
            + "acc x reciprocal over --drain-stages stages");
    return m;
  }

  /**
   * Five steps (S = 24, 1, 5, 3, 2): zeros, subnormals, max normals, NaN in q and a NaN/Inf V
   * element, against {@link AttentionGolden}.
   */
  @Override
  public Optional<Supplier<SelfCheckPlan>> selfCheck(Parameters p) {
    return Optional.of(() -> plan(p));
  }

  private static SelfCheckPlan plan(Parameters p) {
    AttentionShape s = p.shape();
    Fp8Format f = s.format();
    Random r = new Random(2);
    int[] lengths = {24, 1, 5, 3, 2};
    int g = s.qHeads();
    int dim = s.headDim();
    List<BigInteger[]> beats = new ArrayList<>();
    List<ExpectedBeat> expected = new ArrayList<>();
    for (int j = 0; j < lengths.length; j++) {
      int odds = j < 2 ? 1_000_000 : 4; // steps 2.. mix in zeros, subnormals and max normals
      int[][] q = new int[g][dim];
      int[] qFlat = new int[g * dim];
      for (int h = 0; h < g; h++) {
        for (int d = 0; d < dim; d++) {
          q[h][d] =
              Fp8Stimulus.code(f, r, odds, false)
                  & 0xBF; // moderate magnitudes (max normals come from k, v)
        }
      }
      int[][] k = new int[lengths[j]][dim];
      int[][] v = new int[lengths[j]][dim];
      for (int t = 0; t < lengths[j]; t++) {
        for (int d = 0; d < dim; d++) {
          k[t][d] = Fp8Stimulus.code(f, r, odds, false);
          v[t][d] = Fp8Stimulus.code(f, r, odds, false);
        }
      }
      if (j == 3) {
        q[0][r.nextInt(dim)] = f.canonicalNaN(); // NaN in q: head 0 is NaN
      }
      if (j == 4) {
        v[r.nextInt(lengths[j])][r.nextInt(dim)] =
            f.hasInfinities() ? 0xFC : f.canonicalNaN(); // every head NaN
      }
      for (int h = 0; h < g; h++) {
        System.arraycopy(q[h], 0, qFlat, h * dim, dim);
      }
      for (int t = 0; t < lengths[j]; t++) {
        beats.add(
            new BigInteger[] {
              Fp8Stimulus.pack8(qFlat),
              Fp8Stimulus.pack8(k[t]),
              Fp8Stimulus.pack8(v[t]),
              BigInteger.valueOf(t == 0 ? 1 : 0),
              BigInteger.valueOf(t == lengths[j] - 1 ? 1 : 0)
            });
      }
      long[][] heads = AttentionGolden.step(s, q, k, v);
      for (int h = 0; h < g; h++) {
        expected.add(
            new ExpectedBeat(
                List.of(
                    new ExpectedPort(
                        "step " + j + " (S = " + lengths[j] + ") head " + h,
                        s.outFormat().width(),
                        heads[h]),
                    new ExpectedPort(
                        "step " + j + " head " + h + " out_last", 0, h == g - 1 ? 1 : 0))));
      }
    }
    return new SelfCheckPlan.Streamed(
        List.of("in_valid", "in_ready", "q", "k", "v", "in_first", "in_last"),
        List.of("out_valid", "out", "out_last"),
        beats,
        expected,
        lengths.length
            + " steps (S = 24, 1, 5, 3, 2; zeros, subnormals, max normals, NaN in q, "
            + (f.hasInfinities() ? "Inf" : "NaN")
            + " in V), "
            + lengths.length * g * dim
            + " outputs bit-exact, out_last on head "
            + (g - 1));
  }
}

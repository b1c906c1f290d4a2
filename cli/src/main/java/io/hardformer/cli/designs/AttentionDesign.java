package io.hardformer.cli.designs;

import io.hardformer.dsl.Module;
import io.hardformer.dsl.elaborate.Design;
import io.hardformer.generators.area.AreaFigures;
import io.hardformer.generators.area.GateEstimate;
import io.hardformer.generators.attention.AttentionAccuracy;
import io.hardformer.generators.attention.AttentionShape;
import io.hardformer.generators.attention.AttentionUnit;
import io.hardformer.generators.fp8.FloatPacker;
import io.hardformer.generators.numerics.Fp8Format;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "attention", mixinStandardHelpOptions = true,
    description = {"Streaming grouped-query attention: G query heads share one K/V stream; o = softmax(q.K^T/sqrt(D)).V "
        + "per head with an online softmax, one key/value pair per cycle, no score buffer (S unbounded by storage).",
        "Ports: in_valid, in_ready, in_first (loads q[8GD-1:0]), in_last, k[8D-1:0], v[8D-1:0]; out_valid, out_last, "
            + "out[D*W-1:0] one head per cycle. Cycle contract and internal formats in manifest.json."},
    footer = {"", "Examples:",
        "  ./hardformer generate attention --head-dim 128 --q-heads 8 --format e4m3 --out build/attn",
        "  ./hardformer generate attention --head-dim 64 --q-heads 4 --format e5m2 --out-format fp32 --out build/attn64"})
final class AttentionDesign extends DesignCommand {
  @Option(names = "--head-dim", required = true, description = "D: head dimension, 1..1024 (Llama-3: 128).")
  int headDim;

  @Option(names = "--q-heads", required = true, description = "G: query heads per KV head, 1..64 (Llama-3: 8).")
  int qHeads;

  @Option(names = "--format", required = true, description = "e4m3 or e5m2 (OCP OFP8) for q, K and V.")
  String format;

  @Option(names = "--out-format", defaultValue = "bf16", description = "bf16 or fp32 (default: ${DEFAULT-VALUE}).")
  String outFormat;

  @Override
  Map<String, String> parameters() {
    return params("head-dim", headDim, "q-heads", qHeads, "format", format.toLowerCase(), "out-format",
        outFormat.toLowerCase());
  }

  @Override
  AttentionShape shape() {
    Fp8Format f = Fp8Format.parse(choice("--format", format, "e4m3", "e5m2"));
    FloatPacker out = FloatPacker.parse(choice("--out-format", outFormat, "bf16", "fp32"));
    return new AttentionShape(range("--head-dim", headDim, 1, 1024), range("--q-heads", qHeads, 1, 64), f, out);
  }

  @Override
  Module build() {
    return new AttentionUnit(shape());
  }

  @Override
  AreaFigures area(Design design, double density) {
    AreaFigures a = GateEstimate.figures(design, density);
    return new AreaFigures(shape().fmaCount(), a.registerBits(), a.nand2(), density, a.method());
  }

  @Override
  Map<String, Object> manifestExtras(Design design) {
    AttentionShape s = shape();
    Map<String, Object> m = new LinkedHashMap<>();
    Map<String, Object> protocol = new LinkedHashMap<>();
    protocol.put("input", "valid/ready, one key/value pair per beat: k[8D-1:0], v[8D-1:0] (element d in bits "
        + "[8d+7:8d]); in_first marks a step's first pair and loads q[8GD-1:0] (head h element d in bits "
        + "[8(hD+d)+7:8(hD+d)]); in_last marks its last pair; in_ready is low from the last pair until the step's "
        + "heads are drained");
    protocol.put("output", "valid-only: one head per cycle, heads 0..G-1; out[W(d+1)-1:Wd] is element d; out_last "
        + "on head G-1");
    protocol.put("storage", "no K, V or score buffer: S is bounded only by the arithmetic headroom, 2^"
        + AttentionShape.LOG2_MAX_S + " pairs");
    m.put("protocol", protocol);
    Map<String, Object> cycles = new LinkedHashMap<>();
    cycles.put("cyclesPerPair", 1);
    cycles.put("cyclesPerStep", "S + " + s.overhead() + " (first pair accepted to last head out)");
    cycles.put("stepPeriod", "S + " + (s.stepPeriod(0)) + " (first pair to next step's first pair, back to back)");
    cycles.put("latencyFromLastPair", s.latency());
    cycles.put("overheadFormula", "ceil(log2 D)/2 + 1 (dot) + 6 (scale, max, exp2, p.v, accumulate, input) + 1 "
        + "(normalize) + 27 (divide) + G (drain) + 3 (product, round) - 1");
    m.put("cycleContract", cycles);
    Map<String, Object> n = new LinkedHashMap<>();
    n.put("score", "q.k exact: " + s.scoreBits() + "-bit integer, unit 2^" + s.scoreUnit());
    n.put("logit", "x = floor(score x " + s.scaleConstant() + " / 2^" + s.scaleShift() + "): log2(e)/sqrt(D) folded in, "
        + AttentionShape.X_FRACTION + " fraction bits, " + s.xBits() + " bits");
    n.put("runningMax", "m = max of ceil(x), integer, " + s.maxBits() + " bits; rescale by 2^(m_old - m_new) is a shift");
    n.put("exp2", "p = 2^(x - m): table of 2^(-i/64) (25 bits) for the top 6 fraction bits, times 1 - a + a^2/2 "
        + "(a = r ln2, ln2 = " + AttentionShape.LN2 + "/2^16), " + AttentionShape.EXP2_BITS + " fraction bits, widened to "
        + AttentionShape.P_FRACTION + " and shifted by the integer part");
    n.put("sum", "l = (l >> n) + p, " + s.sumBits() + " bits unsigned, unit 2^-" + AttentionShape.P_FRACTION);
    n.put("accumulator", "acc_d = (acc_d >> n) + p x v_d (exact), " + s.accBits() + " bits signed, unit 2^"
        + (s.format().quantumExponent() - AttentionShape.P_FRACTION));
    n.put("division", "27-bit reciprocal floor(2^(L+25) / (l << lz)) by a restoring divider (27 cycles), then "
        + "acc_d x reciprocal rounded once (RNE) to " + s.outFormat().cliName());
    n.put("specials", "a NaN/Inf product in q.k or a NaN/Inf V element makes the head's outputs the canonical NaN");
    n.put("accuracy", "|o - o_ref| <= 2^" + AttentionAccuracy.RELATIVE_LOG2 + " x max|o_ref| + (2^"
        + AttentionAccuracy.FLOOR_LOG2 + " + S x 2^" + AttentionAccuracy.PER_PAIR_LOG2 + ") x max|V| per head against "
        + "double-precision attention on the same FP8 inputs, beyond the output format's own rounding, for S <= 2^"
        + AttentionShape.LOG2_MAX_S);
    m.put("numerics", n);
    m.put("timingAssumption", "~1 GHz: D-lane exact dot tree two levels per stage; one stage each for scale, "
        + "max, exp2 and p.v; the accumulate closes a one-cycle add-and-shift loop");
    return m;
  }
}

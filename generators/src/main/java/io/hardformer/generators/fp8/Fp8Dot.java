package io.hardformer.generators.fp8;

import io.hardformer.dsl.Bool;
import io.hardformer.dsl.Module;
import io.hardformer.dsl.SInt;
import io.hardformer.dsl.UInt;
import io.hardformer.generators.floating.FixedToFloat;
import io.hardformer.generators.numerics.Fp8Format;
import java.util.ArrayList;
import java.util.List;

/**
 * Exact FP8 dot product of N lanes: every product is exact in a fixed-point window (36 bits E4M3, 64
 * bits E5M2), the N products are summed exactly in a {@code window + ceil(log2 N) + 1}-bit accumulator,
 * and the sum is rounded once (RNE) to FP32 or BF16. An exactly zero sum is +0. Ports {@code clk, rst,
 * in_valid, a[8N-1:0], b[8N-1:0], out_valid, out[31:0]} ({@code out[15:0]} for BF16); lane i is bits
 * [8i+7:8i].
 *
 * <p>Pipeline (latency {@code 3 + ceil(levels / 2)}, levels = ceil(log2 N)): products; adder tree, two
 * levels per stage; leading-zero count and normalizing shift; round, pack and special-value select.
 * The ~1 GHz assumption: an 8-bit product with its alignment shift, or two levels of 40-70-bit adders,
 * or one wide leading-zero count and shift, per stage.
 */
public final class Fp8Dot extends Module {
  final Bool inValid = in("in_valid");
  final UInt a;
  final UInt b;
  final Bool outValid;
  final UInt out;

  public Fp8Dot(Fp8Format f, int lanes, FloatPacker outFormat) {
    if (lanes < 1 || lanes > 4096) {
      throw new IllegalArgumentException("lanes must be 1 to 4096, got " + lanes);
    }
    param("format", f.cliName());
    param("lanes", lanes);
    param("acc", "exact");
    param("out_format", outFormat.cliName());
    int levels = ceilLog2(lanes);
    timing(latency(lanes), 1);
    a = in("a", 8 * lanes);
    b = in("b", 8 * lanes);
    outValid = out("out_valid");
    out = out("out", outFormat.width());
    int unit = 2 * f.quantumExponent();

    // stage 1: exact products
    List<SInt> terms = new ArrayList<>();
    List<Bool> nans = new ArrayList<>();
    List<Bool> pos = new ArrayList<>();
    List<Bool> neg = new ArrayList<>();
    for (int i = 0; i < lanes; i++) {
      Fp8ExactProduct p = instance("lane" + i, new Fp8ExactProduct(f));
      p.a.assign(a.bits(8 * i + 7, 8 * i));
      p.b.assign(b.bits(8 * i + 7, 8 * i));
      terms.add(regNext("p_term" + i, p.term));
      nans.add(p.nan);
      pos.add(p.posInf);
      neg.add(p.negInf);
    }
    Bool nan = regNext("p_nan", orAll(nans));
    Bool anyPos = regNext("p_pos_inf", orAll(pos));
    Bool anyNeg = regNext("p_neg_inf", orAll(neg));
    Bool valid = regNext("p_valid", inValid, false);

    // adder tree, two levels per stage
    for (int level = 0; level < levels; level++) {
      List<SInt> next = new ArrayList<>();
      for (int i = 0; i < terms.size(); i += 2) {
        next.add(i + 1 < terms.size() ? terms.get(i).add(terms.get(i + 1))
            : terms.get(i).sext(terms.get(i).width() + 1));
      }
      terms = next;
      if (level % 2 == 1 || level == levels - 1) {
        List<SInt> staged = new ArrayList<>();
        for (int i = 0; i < terms.size(); i++) {
          staged.add(regNext("t" + level + "_sum" + i, terms.get(i)));
        }
        terms = staged;
        nan = regNext("t" + level + "_nan", nan);
        anyPos = regNext("t" + level + "_pos_inf", anyPos);
        anyNeg = regNext("t" + level + "_neg_inf", anyNeg);
        valid = regNext("t" + level + "_valid", valid, false);
      }
    }
    SInt sum = terms.get(0);

    // normalize, round once and pack (two stages)
    FixedToFloat rounding = instance("rounding", new FixedToFloat(sum.width(), unit, outFormat));
    rounding.sum.assign(sum);
    rounding.nan.assign(nan);
    rounding.posInf.assign(anyPos);
    rounding.negInf.assign(anyNeg);
    out.assign(rounding.out);
    outValid.assign(regNext("out_valid_r", regNext("n_valid", valid, false), false));
  }

  /** Pipeline latency for {@code lanes}: products + ceil(levels / 2) tree stages + normalize + round. */
  public static int latency(int lanes) {
    int levels = ceilLog2(lanes);
    return 1 + (levels + 1) / 2 + FixedToFloat.LATENCY;
  }

  static int ceilLog2(int n) {
    return n <= 1 ? 0 : 32 - Integer.numberOfLeadingZeros(n - 1);
  }

  private Bool orAll(List<Bool> flags) {
    Bool r = flags.get(0);
    for (int i = 1; i < flags.size(); i++) {
      r = r.or(flags.get(i));
    }
    return r;
  }

  @Override
  public String kindName() {
    return "fp8_dot";
  }
}

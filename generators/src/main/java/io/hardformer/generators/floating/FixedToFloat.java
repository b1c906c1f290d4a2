package io.hardformer.generators.floating;

import io.hardformer.dsl.Bool;
import io.hardformer.dsl.HwType;
import io.hardformer.dsl.Module;
import io.hardformer.dsl.SInt;
import io.hardformer.dsl.UInt;
import io.hardformer.generators.fp8.FloatPacker;

/**
 * Rounds an exact signed fixed-point sum (in units of 2^unit) once, RNE, to FP32 or BF16, with the
 * special-value flags of the products it summed: NaN if any NaN or both infinities, else Inf of the
 * sign seen, else the rounded sum (exact zero is +0). The result is always a normal number for the
 * FP8 sums this serves. Two stages (latency 2, II 1): leading-zero count with normalizing shift;
 * round and pack.
 */
public final class FixedToFloat extends Module {
  public final SInt sum;
  public final Bool nan = in("nan");
  public final Bool posInf = in("pos_inf");
  public final Bool negInf = in("neg_inf");
  public final UInt out;

  /**
   * With {@code adjustBits > 0}: added to the exponent (the value is sum x 2^(unit + exp_adjust)).
   */
  public final UInt expAdjust;

  public static final int LATENCY = 2;

  public FixedToFloat(int sumBits, int unit, FloatPacker outFormat) {
    this(sumBits, unit, outFormat, 0);
  }

  public FixedToFloat(int sumBits, int unit, FloatPacker outFormat, int adjustBits) {
    param("sum_bits", sumBits);
    param("unit", unit);
    param("out_format", outFormat.cliName());
    if (adjustBits > 0) {
      param("adjust_bits", adjustBits);
    }
    sum = in("sum", HwType.sint(sumBits));
    expAdjust = adjustBits > 0 ? in("exp_adjust", adjustBits) : null;
    out = out("out", outFormat.width());

    // normalize: magnitude, leading zeros, shift the leading one to the top
    Bool negative = sum.isNegative();
    UInt magnitude = mux(negative, negated(sum.asUInt()), sum.asUInt()).named("mag");
    UInt lz = magnitude.clz().named("lz");
    UInt normalized = regNext("n_normalized", magnitude.shiftLeft(lz));
    UInt lzR = regNext("n_lz", lz);
    Bool zero = regNext("n_zero", magnitude.isZero());
    Bool negativeR = regNext("n_negative", negative);
    Bool nanR = regNext("n_nan", nan);
    Bool posR = regNext("n_pos_inf", posInf);
    Bool negR = regNext("n_neg_inf", negInf);
    UInt adjustR = expAdjust == null ? null : regNext("n_exp_adjust", expAdjust);

    // round once (RNE) and pack; the exponent is always normal in FP32/BF16
    int precision = outFormat.precision();
    int padded = Math.max(sumBits, precision + 2);
    UInt bits = padded > sumBits ? normalized.cat(lit(0, padded - sumBits)) : normalized;
    UInt kept = bits.bits(padded - 1, padded - precision);
    Bool guard = bits.bit(padded - precision - 1);
    Bool sticky = bits.bits(padded - precision - 2, 0).orR();
    Bool roundUp = guard.and(sticky.or(kept.bit(0)));
    UInt rounded = kept.add(roundUp.asUInt()); // precision + 1 bits
    Bool carry = rounded.bit(precision);
    int expBase = sumBits - 1 + unit + 127; // biased exponent when lz = 0
    UInt biased9 = lit(expBase, 9).sub(lzR.zext(9)).trunc(9).add(carry.asUInt()).trunc(9);
    UInt biased = adjustR == null ? biased9.trunc(8) : biased9.add(adjustR.zext(9)).trunc(8);
    UInt fraction = rounded.bits(precision - 2, 0);
    int w = outFormat.width();
    int fw = precision - 1;
    UInt finite = negativeR.cat(biased, fraction);
    UInt infinity = negR.cat(lit(0xFF, 8), lit(0, fw));
    UInt quietNaN = lit(outFormat.format().quietNaN(), w);
    UInt result =
        mux(
            nanR.or(posR.and(negR)),
            quietNaN,
            mux(posR.or(negR), infinity, mux(zero, lit(0, w), finite)));
    out.assign(regNext("out_r", result));
  }

  /**
   * {@code -x mod 2^n} without a carry chain: bit i of {@code -x} is {@code x_i} XOR (any bit of x
   * below i is set), and that OR of the lower bits is a log-depth prefix (shift by 1, 2, 4, ... and
   * OR). Synthesis maps {@code -x} to a ripple increment (about 35 FO4 for 53 bits on the OSU 0.18
   * um cells, docs/BENCHMARKS.md "FMA array: deep pipeline"); this is about log2(n) OR levels.
   */
  public static UInt negated(UInt x) {
    int n = x.width();
    UInt below = x.shl(1).trunc(n);
    for (int d = 1; d < n; d *= 2) {
      below = below.or(below.shl(d).trunc(n));
    }
    return x.xor(below);
  }

  @Override
  public String kindName() {
    return "fixed_to_float";
  }
}

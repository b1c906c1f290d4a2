package io.hardformer.generators.floating;

import io.hardformer.dsl.Bool;
import io.hardformer.dsl.HwType;
import io.hardformer.dsl.Module;
import io.hardformer.dsl.SInt;
import io.hardformer.dsl.UInt;
import io.hardformer.generators.fp8.FloatPacker;

/**
 * {@link FixedToFloat}'s function, the same bits, over {@link #LATENCY} stages so that no stage
 * holds more than one of its steps: (1) magnitude (the log-depth negation of {@link
 * FixedToFloat#negated}); (2) leading-zero count; (3) normalizing shift; (4) round (RNE) and pack.
 * For wide sums (the attention drain's 112-bit products) FixedToFloat's first stage, which does the
 * first three in one cycle, is 40.7 FO4 at 0.18 um (docs/BENCHMARKS.md "Attention at <= 30 FO4").
 * With {@code adjustBits > 0} the value is sum x 2^(unit + exp_adjust), as in FixedToFloat.
 */
public final class AdjustedStagedFixedToFloat extends Module {
  /** Cycles from {@code sum} to {@code out}. */
  public static final int LATENCY = 4;

  public final SInt sum;
  public final Bool nan = in("nan");
  public final UInt expAdjust;
  public final UInt out;

  /** Rounds sum x 2^(unit + exp_adjust) (no infinities: the drain's products are finite). */
  public AdjustedStagedFixedToFloat(int sumBits, int unit, FloatPacker outFormat, int adjustBits) {
    param("sum_bits", sumBits);
    param("unit", unit);
    param("out_format", outFormat.cliName());
    param("adjust_bits", adjustBits);
    sum = in("sum", HwType.sint(sumBits));
    expAdjust = in("exp_adjust", adjustBits);
    out = out("out", outFormat.width());

    // 1: magnitude
    Bool negative1 = regNext("m_negative", sum.isNegative());
    UInt magnitude =
        regNext(
            "m_mag",
            mux(sum.isNegative(), FixedToFloat.negated(sum.asUInt()), sum.asUInt()).named("mag"));
    Bool nan1 = regNext("m_nan", nan);
    UInt adjust1 = regNext("m_exp_adjust", expAdjust);

    // 2: leading zeros
    UInt lz = regNext("z_lz", magnitude.clz());
    UInt magnitude2 = regNext("z_mag", magnitude);
    Bool zero2 = regNext("z_zero", magnitude.isZero());
    Bool negative2 = regNext("z_negative", negative1);
    Bool nan2 = regNext("z_nan", nan1);
    UInt adjust2 = regNext("z_exp_adjust", adjust1);

    // 3: normalize
    UInt normalized = regNext("n_normalized", magnitude2.shiftLeft(lz));
    UInt lzR = regNext("n_lz", lz);
    Bool zero = regNext("n_zero", zero2);
    Bool negativeR = regNext("n_negative", negative2);
    Bool nanR = regNext("n_nan", nan2);
    UInt adjustR = regNext("n_exp_adjust", adjust2);

    // 4: round once (RNE) and pack; the exponent is always normal in FP32/BF16
    int precision = outFormat.precision();
    int padded = Math.max(sumBits, precision + 2);
    UInt bits = padded > sumBits ? normalized.cat(lit(0, padded - sumBits)) : normalized;
    UInt kept = bits.bits(padded - 1, padded - precision);
    Bool guard = bits.bit(padded - precision - 1);
    Bool sticky = bits.bits(padded - precision - 2, 0).orR();
    UInt rounded = kept.add(guard.and(sticky.or(kept.bit(0))).asUInt()); // precision + 1 bits
    int expBase = sumBits - 1 + unit + 127; // biased exponent when lz = 0
    UInt biased =
        lit(expBase, 9)
            .sub(lzR.zext(9))
            .trunc(9)
            .add(rounded.bit(precision).asUInt())
            .trunc(9)
            .add(adjustR.zext(9))
            .trunc(8);
    UInt finite = negativeR.cat(biased, rounded.bits(precision - 2, 0));
    UInt quietNaN = lit(outFormat.format().quietNaN(), outFormat.width());
    out.assign(regNext("out_r", mux(nanR, quietNaN, mux(zero, lit(0, outFormat.width()), finite))));
    timing(LATENCY, 1);
  }

  @Override
  public String kindName() {
    return "fixed_to_float_staged";
  }
}

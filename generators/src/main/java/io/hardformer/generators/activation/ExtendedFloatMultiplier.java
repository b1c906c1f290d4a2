package io.hardformer.generators.activation;

import io.hardformer.dsl.Bool;
import io.hardformer.dsl.HwType;
import io.hardformer.dsl.Module;
import io.hardformer.dsl.SInt;
import io.hardformer.dsl.UInt;

/**
 * a x b for two {@link ExtendedFloat} values, rounded once (RNE) to 24 bits with the exponent
 * unbounded, bit-exact with {@link ExtendedFloat#times}; IEEE specials (NaN for a NaN operand or
 * Inf x 0). Output flags exclusive. Two stages ({@value #LATENCY} cycles, a new pair every cycle):
 * the 24 x 24 significand product with the exponent sum and the special flags; then the one-bit
 * normalization, the rounding increment and the exponent carry.
 */
public final class ExtendedFloatMultiplier extends Module {
  public static final int LATENCY = 2;

  public final Bool aNegative = in("a_negative");
  public final UInt aSignificand = in("a_significand", 24);
  public final SInt aExponent = in("a_exponent", HwType.sint(Fp32Unpack.EXPONENT_BITS));
  public final Bool aZero = in("a_zero");
  public final Bool aInf = in("a_inf");
  public final Bool aNan = in("a_nan");
  public final Bool bNegative = in("b_negative");
  public final UInt bSignificand = in("b_significand", 24);
  public final SInt bExponent = in("b_exponent", HwType.sint(Fp32Unpack.EXPONENT_BITS));
  public final Bool bZero = in("b_zero");
  public final Bool bInf = in("b_inf");
  public final Bool bNan = in("b_nan");
  public final Bool negative = out("negative");
  public final UInt significand = out("significand", 24);
  public final SInt exponent = out("exponent", HwType.sint(Fp32Unpack.EXPONENT_BITS));
  public final Bool zero = out("zero");
  public final Bool inf = out("inf");
  public final Bool nan = out("nan");

  public ExtendedFloatMultiplier() {
    int ew = Fp32Unpack.EXPONENT_BITS;
    // 1: product, exponent sum, specials
    UInt p = regNext("p", aSignificand.mul(bSignificand)); // 48 bits
    SInt sum = regNext("e_sum", aExponent.add(bExponent).resize(ew));
    Bool nanR = regNext("nan_r", aNan.or(bNan).or(aInf.and(bZero)).or(aZero.and(bInf)));
    Bool infR = regNext("inf_r", aInf.or(bInf));
    Bool zeroR = regNext("zero_r", aZero.or(bZero));
    Bool negR = regNext("neg_r", aNegative.xor(bNegative));

    // 2: normalize by one bit, round, exponent
    Bool top = p.bit(47);
    UInt kept = mux(top, p.bits(47, 24), p.bits(46, 23));
    Bool guard = mux(top, p.bit(23), p.bit(22));
    Bool sticky = mux(top, p.bits(22, 0).orR(), p.bits(21, 0).orR());
    Bool roundUp = guard.and(sticky.or(kept.bit(0)));
    UInt rounded = kept.add(roundUp.asUInt()); // 25 bits
    Bool carry = rounded.bit(24);
    UInt sig = mux(carry, lit(0x800000, 24), rounded.trunc(24));
    SInt e = sum.add(top.asUInt().zext(2).asSInt()).add(carry.asUInt().zext(2).asSInt()).resize(ew);
    Bool infOut = infR.and(nanR.not());
    negative.assign(regNext("out_neg", negR.and(nanR.not())));
    significand.assign(regNext("out_sig", sig));
    exponent.assign(regNext("out_exp", e));
    zero.assign(regNext("out_zero", zeroR.and(nanR.not()).and(infOut.not())));
    inf.assign(regNext("out_inf", infOut));
    nan.assign(regNext("out_nan", nanR));
  }

  @Override
  public String kindName() {
    return "extended_float_multiplier";
  }
}

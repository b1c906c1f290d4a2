package io.hardformer.generators.normalization;

import io.hardformer.dsl.Bool;
import io.hardformer.dsl.Module;
import io.hardformer.dsl.UInt;

/**
 * a + b of two {@link ExtendedFloat}s ({@link ExtendedFloat#plus}): stage 1 orders the operands by
 * magnitude and shifts the smaller significand right by the exponent difference (bits below are
 * dropped); stage 2 adds or subtracts the 32-bit significands; stage 3 normalizes (one right shift
 * on carry, else leading-zero count and left shift). Latency {@link #LATENCY}, II 1.
 */
public final class ExtendedFloatAdd extends Module {
  public static final int LATENCY = 3;

  public final ExtendedFloatBits a = in("a", ExtendedFloatBits.TYPE);
  public final ExtendedFloatBits b = in("b", ExtendedFloatBits.TYPE);
  public final ExtendedFloatBits out = out("out", ExtendedFloatBits.TYPE);

  public ExtendedFloatAdd() {
    int eb = NormalizationShape.EXPONENT_BITS;
    int w = ExtendedFloat.BITS;
    Bool aZero = a.isZero();
    Bool bZero = b.isZero();
    Bool bigger = b.e.gt(a.e).or(b.e.eq(a.e).and(b.m.gt(a.m)));
    Bool swap = aZero.or(bZero.not().and(bigger)).named("swap");
    ExtendedFloatBits big = mux(swap, b, a);
    ExtendedFloatBits small = mux(swap, a, b);
    UInt d = big.e.sub(small.e).asUInt().trunc(eb + 1); // >= 0 when small is not zero
    UInt dClamped = mux(d.gt(lit(w, eb + 1)), lit(w, 6), d.trunc(6));
    UInt aligned = small.m.shiftRight(dClamped);
    ExtendedFloatBits bigR = regNext("s1_big", big);
    UInt alignedR = regNext("s1_aligned", aligned);
    Bool subtract = regNext("s1_subtract", big.neg.xor(small.neg));
    Bool bothZero = regNext("s1_both_zero", aZero.and(bZero));
    Bool bothNeg = regNext("s1_both_neg", a.neg.and(b.neg));

    UInt sum =
        mux(
            subtract,
            bigR.m.zext(w + 1).sub(alignedR.zext(w + 1)).trunc(w + 1),
            bigR.m.add(alignedR));
    UInt sumR = regNext("s2_sum", sum);
    ExtendedFloatBits bigR2 = regNext("s2_big", bigR);
    Bool bothZeroR = regNext("s2_both_zero", bothZero);
    Bool bothNegR = regNext("s2_both_neg", bothNeg);

    ExtendedFloatNormalize norm = instance("norm", new ExtendedFloatNormalize(w + 1));
    norm.magnitude.assign(sumR);
    norm.base.assign(bigR2.e);
    Bool zero = sumR.isZero();
    norm.neg.assign(mux(bothZeroR, bothNegR, bigR2.neg.and(zero.not())));
    ExtendedFloatBits r = wire("r", ExtendedFloatBits.TYPE);
    r.neg.assign(norm.out.neg);
    r.m.assign(norm.out.m);
    r.e.assign(norm.out.e);
    out.assign(regNext("out_r", r));
  }

  @Override
  public String kindName() {
    return "ext_float_add";
  }
}

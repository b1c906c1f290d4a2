package io.hardformer.generators.normalization;

import io.hardformer.dsl.Bool;
import io.hardformer.dsl.Module;
import io.hardformer.dsl.SInt;
import io.hardformer.dsl.UInt;

/**
 * An {@link ExtendedFloat} rounded once to FP32 ({@link ExtendedFloat#toFp32}): round to nearest
 * even on the 8 bits below the 24 kept; overflow gives Inf, results below 2^-126 a signed zero.
 * {@code nan} forces the canonical quiet NaN. Combinational: a 24-bit increment and compares.
 */
public final class ExtendedFloatToFp32 extends Module {
  public final ExtendedFloatBits in = in("in", ExtendedFloatBits.TYPE);
  public final Bool nan = in("nan");
  public final UInt out = out("out", 32);

  public ExtendedFloatToFp32() {
    int eb = NormalizationShape.EXPONENT_BITS;
    UInt kept = in.m.bits(31, 8);
    UInt rest = in.m.bits(7, 0);
    Bool up = rest.gt(lit(0x80, 8)).or(rest.eq(lit(0x80, 8)).and(kept.bit(0)));
    UInt rounded = kept.add(up.asUInt()); // 25 bits
    Bool carry = rounded.bit(24);
    SInt biased =
        in.e
            .sext(eb + 1)
            .add(slit(ExtendedFloat.BITS - 1 + 127, eb + 1))
            .add(carry.asUInt().zext(2).asSInt())
            .trunc(eb + 1);
    UInt fraction = mux(carry, rounded.bits(23, 1), rounded.bits(22, 0));
    Bool overflow = biased.ge(slit(255, eb + 1));
    Bool underflow = biased.le(slit(0, eb + 1)).or(in.isZero());
    UInt sign = in.neg.asUInt();
    UInt finite = sign.cat(biased.asUInt().bits(7, 0), fraction);
    UInt result =
        mux(
            nan,
            lit(NormalizationGolden.CANONICAL_NAN, 32),
            mux(
                underflow,
                sign.cat(lit(0, 31)),
                mux(overflow, sign.cat(lit(0xFF, 8), lit(0, 23)), finite)));
    out.assign(result);
  }

  @Override
  public String kindName() {
    return "ext_float_to_fp32";
  }
}

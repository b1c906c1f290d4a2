package io.hardformer.generators.activation;

import io.hardformer.dsl.Bool;
import io.hardformer.dsl.HwType;
import io.hardformer.dsl.Module;
import io.hardformer.dsl.SInt;
import io.hardformer.dsl.UInt;

/**
 * An {@link ExtendedFloat} (flags taken in priority NaN, Inf, zero) to FP32 bits ({@link
 * ExtendedFloat#pack}): NaN is 0x7FC00000, an exponent above 127 gives Inf of the sign, below -126
 * a zero of the sign. Combinational: two compares and a select.
 */
public final class Fp32Pack extends Module {
  public final Bool negative = in("negative");
  public final UInt significand = in("significand", 24);
  public final SInt exponent = in("exponent", HwType.sint(Fp32Unpack.EXPONENT_BITS));
  public final Bool zero = in("zero");
  public final Bool inf = in("inf");
  public final Bool nan = in("nan");
  public final UInt out = out("out", 32);

  public Fp32Pack() {
    int w = Fp32Unpack.EXPONENT_BITS;
    Bool overflow = exponent.gt(slit(127, w));
    Bool underflow = exponent.lt(slit(-126, w));
    UInt biased = exponent.asUInt().add(lit(127, w)).trunc(8);
    UInt signed = negative.asUInt();
    UInt finite = signed.cat(biased, significand.bits(22, 0));
    UInt infinity = signed.cat(lit(0xFF, 8), lit(0, 23));
    UInt zeroCode = signed.cat(lit(0, 31));
    out.assign(
        mux(
            nan,
            lit(ExtendedFloat.FP32_NAN, 32),
            mux(
                inf.or(zero.not().and(overflow)),
                infinity,
                mux(zero.or(underflow), zeroCode, finite))));
  }

  @Override
  public String kindName() {
    return "fp32_pack";
  }
}

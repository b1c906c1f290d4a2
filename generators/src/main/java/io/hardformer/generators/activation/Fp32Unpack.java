package io.hardformer.generators.activation;

import io.hardformer.dsl.Bool;
import io.hardformer.dsl.HwType;
import io.hardformer.dsl.Module;
import io.hardformer.dsl.SInt;
import io.hardformer.dsl.UInt;
import io.hardformer.generators.floating.Fp32;

/**
 * An FP32 code as an {@link ExtendedFloat} ({@link ExtendedFloat#decode}): sign, 24-bit significand
 * with its leading one at bit 23 (subnormals normalized by a leading-zero count and shift), the
 * unbiased exponent in {@value #EXPONENT_BITS} signed bits, and the zero, Inf and NaN flags.
 * Combinational: one 24-bit normalizing shift.
 */
public final class Fp32Unpack extends Module {
  /** Signed exponent width of the units' internal values: -512..511 holds every product. */
  public static final int EXPONENT_BITS = 11;

  public final UInt in = in("in", 32);
  public final Bool negative = out("negative");
  public final UInt significand = out("significand", 24);
  public final SInt exponent = out("exponent", HwType.sint(EXPONENT_BITS));
  public final Bool zero = out("zero");
  public final Bool inf = out("inf");
  public final Bool nan = out("nan");

  public Fp32Unpack() {
    Fp32 f = in.as(Fp32.LAYOUT);
    Bool eZero = f.exponent.isZero();
    UInt raw = eZero.not().cat(f.fraction); // 24 bits
    UInt lz = raw.clz(); // 0 for normal numbers, 24 for zero
    UInt effective = mux(eZero, lit(1, 8), f.exponent);
    SInt e =
        effective
            .zext(EXPONENT_BITS)
            .sub(lit(127, EXPONENT_BITS))
            .trunc(EXPONENT_BITS)
            .sub(lz.zext(EXPONENT_BITS))
            .trunc(EXPONENT_BITS)
            .asSInt();
    negative.assign(f.sign);
    significand.assign(raw.shiftLeft(lz));
    exponent.assign(e);
    zero.assign(raw.isZero());
    inf.assign(f.isSpecial().and(f.fraction.isZero()));
    nan.assign(f.isNan());
  }

  @Override
  public String kindName() {
    return "fp32_unpack";
  }
}

package io.hardformer.generators.normalization;

import io.hardformer.dsl.Bool;
import io.hardformer.dsl.Module;
import io.hardformer.dsl.SInt;
import io.hardformer.dsl.UInt;

/**
 * A magnitude of {@code width} bits times 2^base, with a sign, to an {@link ExtendedFloat}: the
 * leading one is shifted to the top and the top 32 bits kept ({@link ExtendedFloat#ofMagnitude}).
 * Combinational: a leading-zero count and one barrel shift.
 */
public final class ExtendedFloatNormalize extends Module {
  public final Bool neg = in("neg");
  public final UInt magnitude;
  public final SInt base =
      in("base", io.hardformer.dsl.HwType.sint(NormalizationShape.EXPONENT_BITS));
  public final ExtendedFloatBits out = out("out", ExtendedFloatBits.TYPE);

  public ExtendedFloatNormalize(int width) {
    param("width", width);
    magnitude = in("magnitude", width);
    int w = Math.max(width, ExtendedFloat.BITS);
    UInt mag = w > width ? magnitude.cat(lit(0, w - width)) : magnitude;
    UInt lz = mag.clz();
    UInt shifted = mag.shiftLeft(lz);
    int eb = NormalizationShape.EXPONENT_BITS;
    // value = mag x 2^(base - (w - width)); leading one at w - 1 - lz
    SInt offset = slit(w - ExtendedFloat.BITS - (w - width), eb);
    SInt e = base.add(offset).sub(lz.zext(eb).asSInt()).trunc(eb);
    out.neg.assign(neg);
    out.m.assign(shifted.bits(w - 1, w - ExtendedFloat.BITS));
    out.e.assign(e);
  }

  @Override
  public String kindName() {
    return "ext_float_normalize";
  }
}

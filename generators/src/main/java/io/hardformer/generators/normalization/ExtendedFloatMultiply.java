package io.hardformer.generators.normalization;

import io.hardformer.dsl.Bool;
import io.hardformer.dsl.Module;
import io.hardformer.dsl.SInt;
import io.hardformer.dsl.UInt;

/**
 * a x b of two {@link ExtendedFloat}s ({@link ExtendedFloat#times}): stage 1 the 32 x 32 product,
 * stage 2 the top 32 bits (a one-bit normalization). Latency {@link #LATENCY}, II 1.
 */
public final class ExtendedFloatMultiply extends Module {
  public static final int LATENCY = 2;

  public final ExtendedFloatBits a = in("a", ExtendedFloatBits.TYPE);
  public final ExtendedFloatBits b = in("b", ExtendedFloatBits.TYPE);
  public final ExtendedFloatBits out = out("out", ExtendedFloatBits.TYPE);

  public ExtendedFloatMultiply() {
    int eb = NormalizationShape.EXPONENT_BITS;
    int w = ExtendedFloat.BITS;
    UInt p = regNext("p", a.m.mul(b.m)); // 64 bits
    SInt e = regNext("p_e", a.e.add(b.e).trunc(eb));
    Bool neg = regNext("p_neg", a.neg.xor(b.neg));
    Bool top = p.bit(2 * w - 1);
    UInt m = mux(top, p.bits(2 * w - 1, w), p.bits(2 * w - 2, w - 1));
    SInt eOut = e.add(mux(top, slit(w, eb), slit(w - 1, eb))).trunc(eb);
    ExtendedFloatBits r = wire("r", ExtendedFloatBits.TYPE);
    r.neg.assign(neg);
    r.m.assign(m);
    r.e.assign(eOut);
    out.assign(regNext("out_r", r));
  }

  @Override
  public String kindName() {
    return "ext_float_multiply";
  }
}

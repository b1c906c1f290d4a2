package io.hardformer.generators.normalization;

import io.hardformer.dsl.Bool;
import io.hardformer.dsl.Module;
import io.hardformer.dsl.SInt;
import io.hardformer.dsl.UInt;

/**
 * 1 / sqrt(t) of a positive {@link ExtendedFloat}, the integer steps of {@link InverseSquareRoot}:
 * stage 1 makes the exponent even and reads the 48-entry table; each Newton step takes three stages
 * (y^2, f' y^2, y (3 - f' y^2) / 2, one 32 x 33-bit multiply each); the last stage normalizes.
 * Latency {@link #LATENCY}, II 1.
 */
public final class InverseSquareRootUnit extends Module {
  public static final int LATENCY = 1 + 3 * InverseSquareRoot.NEWTON_STEPS + 1;

  public final ExtendedFloatBits t = in("t", ExtendedFloatBits.TYPE);
  public final ExtendedFloatBits out = out("out", ExtendedFloatBits.TYPE);

  public InverseSquareRootUnit() {
    int eb = NormalizationShape.EXPONENT_BITS;
    SInt exponent = t.e.add(slit(ExtendedFloat.BITS - 1, eb)).trunc(eb);
    Bool odd = exponent.bit(0);
    UInt f = mux(odd, t.m, t.m.shr(1).zext(32));
    SInt even = mux(odd, exponent.sub(slit(1, eb)).trunc(eb), exponent);
    UInt fR = regNext("f", f);
    SInt evenR = regNext("even", even);
    UInt y = regNext("y0", table(f.bits(31, InverseSquareRoot.INDEX_SHIFT), 0, 6));
    for (int i = 0; i < InverseSquareRoot.NEWTON_STEPS; i++) {
      UInt y2 = regNext("n" + i + "_y2", y.mul(y).bits(63, 31)); // 33 bits
      UInt yA = regNext("n" + i + "_ya", y);
      UInt fA = regNext("n" + i + "_fa", fR);
      UInt h = regNext("n" + i + "_h", fA.mul(y2).bits(63, 30)); // 34 bits
      UInt yB = regNext("n" + i + "_yb", yA);
      fR = regNext("n" + i + "_fb", fA);
      UInt c = lit(3L << 31, 35).sub(h.zext(35)).trunc(35);
      y = regNext("n" + i + "_y", yB.mul(c).bits(63, 32));
      fR = regNext("n" + i + "_fc", fR);
      evenR = delay("n" + i + "_even", evenR, 3);
    }
    ExtendedFloatNormalize norm = instance("norm", new ExtendedFloatNormalize(32));
    norm.neg.assign(bool(false));
    norm.magnitude.assign(y);
    // 2^(-31 - even/2): even is even, so the shift is exact
    SInt half = evenR.shr(1).sext(eb);
    norm.base.assign(slit(1 - ExtendedFloat.BITS, eb).sub(half).trunc(eb));
    out.assign(regNext("out_r", norm.out));
  }

  /** The table entries [base, base + 2^bits) as a multiplexer tree on idx's low bits. */
  private UInt table(UInt idx, int base, int bits) {
    if (bits == 0) {
      return lit(InverseSquareRoot.table(base), 32);
    }
    int half = 1 << (bits - 1);
    if (base + 2 * half <= 16) {
      return lit(0, 32); // f' >= 1: indices below 16 never occur
    }
    return mux(idx.bit(bits - 1), table(idx, base + half, bits - 1), table(idx, base, bits - 1));
  }

  @Override
  public String kindName() {
    return "inverse_sqrt";
  }
}

package io.hardformer.generators.vector;

import io.hardformer.dsl.Bool;
import io.hardformer.dsl.Module;
import io.hardformer.dsl.UInt;
import io.hardformer.generators.floating.Fp32;

/**
 * {@code z = y × 2^-qexp} as an FP32 code for the FP8 quantizer, in {@link #LATENCY} stages: exact
 * whenever z is an FP32 normal; below 2^-126 it becomes a zero of y's sign and from 2^128 up an Inf
 * of y's sign, which leaves the FP8 result unchanged (every FP8 value of either format is far
 * inside 2^-126..2^128, and the quantizer saturates Inf). A subnormal y is normalized first, so
 * {@code qexp < 0} can bring it into FP8 range exactly. NaN, Inf and zeros pass through. Ports
 * {@code y[31:0], qexp[7:0]} (two's complement), {@code z[31:0]}.
 *
 * <p>Stage 1: leading zeros of y's significand, {@code max(e,1) + 384 - (qexp + 128)}, the field of
 * z plus 256 before the leading zeros. Stage 2: the normalizing shift, subtract the leading zeros,
 * clamp and pack.
 */
public final class ExponentShift extends Module {
  public static final int LATENCY = 2;

  public final UInt y = in("y", 32);
  public final UInt qexp = in("qexp", 8);
  public final UInt z = out("z", 32);

  public ExponentShift() {
    Fp32 f = y.as(Fp32.LAYOUT);
    Bool eZero = f.exponent.isZero();
    UInt sig = eZero.not().cat(f.fraction); // 24 bits
    UInt eEff = mux(eZero, lit(1, 8), f.exponent);
    UInt qBiased = qexp.bit(7).not().cat(qexp.bits(6, 0)); // qexp + 128
    UInt t = regNext("s1_t", eEff.zext(10).add(lit(384, 10)).trunc(10).sub(qBiased.zext(10)));
    UInt lz = regNext("s1_lz", sig.clz()); // 0..24
    UInt sigR = regNext("s1_sig", sig);
    UInt yR = regNext("s1_y", y);
    Bool pass = regNext("s1_pass", f.isSpecial().or(sig.isZero()));

    // field + 256 of z, 11 bits
    UInt field = t.sub(lz.zext(10)).trunc(11);
    UInt m = sigR.shiftLeft(lz.trunc(5));
    Bool sign = yR.bit(31);
    Bool under = field.le(lit(256, 11));
    Bool over = field.ge(lit(256 + 255, 11));
    UInt packed =
        sign.cat(
            mux(
                under,
                lit(0, 31),
                mux(over, lit(0x7F800000L, 31), field.trunc(8).cat(m.trunc(23)))));
    z.assign(regNext("s2_z", mux(pass, yR, packed)));
    timing(LATENCY, 1);
  }

  @Override
  public String kindName() {
    return "exponent_shift";
  }
}

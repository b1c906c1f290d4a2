package io.hardformer.generators.floating;

import io.hardformer.dsl.Bool;
import io.hardformer.dsl.Module;
import io.hardformer.dsl.UInt;

/**
 * {@code sum = acc + p} in IEEE-754 binary32 with round-to-nearest-even, where {@code acc} is an
 * FP32 code and {@code p} an exact FP8 product in FP32 form ({@link
 * io.hardformer.generators.fp8.Fp8ProductToFp32}). Single path: order by magnitude, align the
 * smaller operand with guard, round and sticky bits, add or subtract 27-bit significands, normalize
 * (one right shift on carry, else leading-zero count and left shift), round, detect overflow to
 * Inf. An exact zero sum is +0 unless both operands are -0; {@code -0} is the additive identity (an
 * accumulator restarts from it).
 *
 * <p>Specialized to the values an FP8 accumulator can hold: FP8 products and every RNE sum of them
 * are integer multiples of 2^-32, so no operand or result is ever an FP32 subnormal, and an
 * exponent field of zero is read as zero. NaN results are the canonical quiet NaN 0x7FC00000.
 * Combinational: in the FMA cell it closes the one-cycle accumulation loop.
 */
public final class Fp32AccumulatorAdder extends Module {
  public final UInt acc = in("acc", 32);
  public final Bool pSign = in("p_sign");
  public final UInt pExponent = in("p_exponent", 8);
  public final UInt pSignificand;
  public final Bool pZero = in("p_zero");
  public final Bool pNan = in("p_nan");
  public final Bool pInf = in("p_inf");
  public final UInt sum = out("sum", 32);

  /**
   * @param productBits width of the product significand (its top bit is the leading one)
   */
  public Fp32AccumulatorAdder(int productBits) {
    param("product_bits", productBits);
    pSignificand = in("p_significand", productBits);

    Fp32 accFields = acc.as(Fp32.LAYOUT);
    Bool accSign = accFields.sign.named("acc_sign");
    UInt accExp = accFields.exponent.named("acc_exp");
    UInt accFrac = accFields.fraction.named("acc_frac");
    Bool accSpecial = accExp.andR().named("acc_special");
    Bool accNan = accSpecial.and(accFrac.orR());
    Bool accInf = accSpecial.and(accFrac.orR().not()).named("acc_inf");
    Bool accZero = accExp.isZero();
    UInt accSig = mux(accZero, lit(0, 24), lit(1, 1).cat(accFrac)).named("acc_sig"); // 24 bits
    UInt pExp = mux(pZero, lit(0, 8), pExponent).named("p_exp");
    UInt pSigBits = mux(pZero, lit(0, productBits), pSignificand);
    UInt pSig =
        (productBits < 24 ? pSigBits.cat(lit(0, 24 - productBits)) : pSigBits).named("p_sig");

    // order by magnitude: exponent, then significand
    Bool swap = pExp.cat(pSig).gt(accExp.cat(accSig)).named("swap");
    Bool bigSign = mux(swap, pSign, accSign).named("big_sign");
    Bool smallSign = mux(swap, accSign, pSign).named("small_sign");
    UInt bigExp = mux(swap, pExp, accExp).named("big_exp");
    UInt smallExp = mux(swap, accExp, pExp);
    UInt bigSig = mux(swap, pSig, accSig);
    UInt smallSig = mux(swap, accSig, pSig);

    // align the smaller significand: 24 bits + guard + round, the rest ORed into sticky
    UInt d = bigExp.sub(smallExp).trunc(8).named("exp_diff");
    UInt dClamped = mux(d.gt(lit(49, 8)), lit(49, 6), d.trunc(6));
    UInt shifted = smallSig.cat(lit(0, 26)).shiftRight(dClamped).named("shift"); // 50 bits
    UInt smallAligned =
        shifted.bits(49, 24).cat(shifted.bits(23, 0).orR()).named("small_aligned"); // 27 bits
    UInt bigAligned = bigSig.cat(lit(0, 3)).named("big_aligned"); // 27 bits
    Bool subtract = bigSign.xor(smallSign);
    UInt total =
        mux(
                subtract,
                bigAligned.zext(28).sub(smallAligned.zext(28)).trunc(28),
                bigAligned.add(smallAligned))
            .named("mant_sum"); // 28 bits

    // normalize to 24 significand bits + guard + sticky
    Bool carry = total.bit(27).named("carry");
    UInt low = total.bits(26, 0).named("low");
    UInt lz = low.clz().named("lz"); // 0..27
    UInt leftNormalized = low.shiftLeft(lz).named("normalized");
    UInt sig = mux(carry, total.bits(27, 4), leftNormalized.bits(26, 3)).named("sig");
    Bool guard = mux(carry, total.bit(3), leftNormalized.bit(2));
    Bool sticky = mux(carry, total.bits(2, 0).orR(), leftNormalized.bits(1, 0).orR());
    UInt exp =
        mux(
            carry,
            bigExp.zext(9).inc(),
            bigExp.zext(9).sub(lz.zext(9)).trunc(9)); // >= 1: no subnormals

    // round to nearest even; a carry out of the significand moves into the exponent field
    Bool roundUp = guard.and(sticky.or(sig.bit(0)));
    UInt code =
        exp.cat(sig.bits(22, 0))
            .add(roundUp.asUInt())
            .trunc(32)
            .named("code"); // exponent field 9 bits
    Bool overflow = code.bits(31, 23).ge(lit(255, 9));
    Bool zeroSum = total.isZero();

    Bool nan = accNan.or(pNan).or(accInf.and(pInf).and(accSign.xor(pSign)));
    Bool inf = accInf.or(pInf);
    Bool infSign = mux(accInf, accSign, pSign);
    UInt finite =
        mux(
            zeroSum,
            bigSign.and(smallSign).cat(lit(0, 31)),
            mux(overflow, bigSign.cat(lit(0xFF, 8), lit(0, 23)), bigSign.cat(code.bits(30, 0))));
    sum.assign(
        mux(nan, lit(0x7FC00000L, 32), mux(inf, infSign.cat(lit(0xFF, 8), lit(0, 23)), finite)));
  }

  @Override
  public String kindName() {
    return "fp32_accumulator_adder";
  }
}

package io.hardformer.generators.vector;

import io.hardformer.dsl.Bool;
import io.hardformer.dsl.Module;
import io.hardformer.dsl.UInt;
import io.hardformer.generators.floating.Fp32;

/**
 * One lane of the vector unit: {@code y = RNE_fp32(a × 2^s + b)} (IEEE-754 binary32, one rounding
 * of the exact value) as a pipeline of {@link #LATENCY} register stages with no reset on data (the
 * unit carries the valid bit). Ports {@code a[31:0], b[31:0], s[7:0]} (two's complement), {@code
 * y[31:0]}.
 *
 * <p>Exponents are carried as 10-bit unsigned values biased by 256 over the FP32 exponent field, so
 * {@code a × 2^s} (field -150..381) is never clipped before the one rounding. Stages, each at most
 * one ~32-bit add, one barrel shift or one leading-zero count:
 *
 * <ol>
 *   <li>decode, classify, leading zeros of both significands;
 *   <li>normalize both significands (24-bit shift); exponents {@code max(e,1) - lz + s + 256};
 *   <li>order by magnitude (34-bit compare), both exponent differences, clamped;
 *   <li>swap, align the smaller significand (50-bit shift, sticky);
 *   <li>add or subtract (28 bits);
 *   <li>leading zeros of the sum;
 *   <li>normalize (28-bit shift); result exponent and the denormalizing distance;
 *   <li>denormalize below 2^-126 (56-bit shift, sticky);
 *   <li>round to nearest even and pack (33-bit add, the carry moves into the exponent), overflow to
 *       Inf, specials.
 * </ol>
 */
public final class ScaledAdder extends Module {
  /** Register stages from {@code a, b, s} to {@code y}. */
  public static final int LATENCY = 9;

  public final UInt a = in("a", 32);
  public final UInt b = in("b", 32);
  public final UInt s = in("s", 8);
  public final UInt y = out("y", 32);

  public ScaledAdder() {
    // 1: decode
    Fp32 fa = a.as(Fp32.LAYOUT);
    Fp32 fb = b.as(Fp32.LAYOUT);
    Bool aZeroE = fa.exponent.isZero();
    Bool bZeroE = fb.exponent.isZero();
    UInt sigA = aZeroE.not().cat(fa.fraction); // 24 bits
    UInt sigB = bZeroE.not().cat(fb.fraction);
    Bool aZero = regNext("s1_a_zero", aZeroE.and(fa.fraction.isZero()));
    Bool bZero = regNext("s1_b_zero", bZeroE.and(fb.fraction.isZero()));
    Bool aInf = fa.isSpecial().and(fa.fraction.isZero());
    Bool bInf = fb.isSpecial().and(fb.fraction.isZero());
    Bool nan = fa.isNan().or(fb.isNan()).or(aInf.and(bInf).and(fa.sign.xor(fb.sign)));
    Bool inf = aInf.or(bInf);
    Bool infSign = mux(aInf, fa.sign, fb.sign);
    UInt aE = regNext("s1_a_exp", mux(aZeroE, lit(1, 8), fa.exponent));
    UInt bE = regNext("s1_b_exp", mux(bZeroE, lit(1, 8), fb.exponent));
    UInt aLz = regNext("s1_a_lz", sigA.clz()); // 0..24
    UInt bLz = regNext("s1_b_lz", sigB.clz());
    UInt aSig = regNext("s1_a_sig", sigA);
    UInt bSig = regNext("s1_b_sig", sigB);
    UInt sR = regNext("s1_s", s);
    Bool aSign = regNext("s1_a_sign", fa.sign);
    Bool bSign = regNext("s1_b_sign", fb.sign);
    Bool[] special = {
      regNext("s1_nan", nan), regNext("s1_inf", inf), regNext("s1_inf_sign", infSign)
    };

    // 2: normalize; exponent fields biased by 256 (a zero term gets exponent 0 and significand 0)
    UInt aM = regNext("s2_a_m", aSig.shiftLeft(aLz.trunc(5)));
    UInt bM = regNext("s2_b_m", bSig.shiftLeft(bLz.trunc(5)));
    UInt sBiased = sR.bit(7).not().cat(sR.bits(6, 0)); // s + 128
    UInt aXRaw = aE.zext(10).add(sBiased.zext(10)).add(lit(128, 10)).trunc(10).sub(aLz.zext(10));
    UInt aX = regNext("s2_a_x", mux(aZero, lit(0, 10), aXRaw.trunc(10)));
    UInt bXRaw = bE.zext(10).add(lit(256, 10)).trunc(10).sub(bLz.zext(10));
    UInt bX = regNext("s2_b_x", mux(bZero, lit(0, 10), bXRaw.trunc(10)));
    Bool bothZero = regNext("s2_both_zero", aZero.and(bZero));
    aSign = regNext("s2_a_sign", aSign);
    bSign = regNext("s2_b_sign", bSign);
    special = delayAll("s2", special);

    // 3: order by magnitude; both exponent differences, clamped to the 50-bit alignment window
    Bool swap = regNext("s3_swap", bX.cat(bM).gt(aX.cat(aM)));
    UInt dAb = regNext("s3_d_ab", clampShift(aX.sub(bX).trunc(10)));
    UInt dBa = regNext("s3_d_ba", clampShift(bX.sub(aX).trunc(10)));
    UInt aXr = regNext("s3_a_x", aX);
    UInt bXr = regNext("s3_b_x", bX);
    UInt aMr = regNext("s3_a_m", aM);
    UInt bMr = regNext("s3_b_m", bM);
    Bool aSignR = regNext("s3_a_sign", aSign);
    Bool bSignR = regNext("s3_b_sign", bSign);
    bothZero = regNext("s3_both_zero", bothZero);
    special = delayAll("s3", special);

    // 4: swap, then align the smaller significand: 24 bits + 2 guard bits, the rest ORed into
    // sticky
    UInt dC = mux(swap, dBa, dAb);
    UInt smallM = mux(swap, aMr, bMr);
    UInt shifted = smallM.cat(lit(0, 26)).shiftRight(dC); // 50 bits
    UInt smallAligned = regNext("s4_small", shifted.bits(49, 24).cat(shifted.bits(23, 0).orR()));
    UInt bigAligned = regNext("s4_big", mux(swap, bMr, aMr).cat(lit(0, 3))); // 27 bits
    UInt bigX = regNext("s4_big_x", mux(swap, bXr, aXr));
    Bool bigSign = regNext("s4_big_sign", mux(swap, bSignR, aSignR));
    Bool subtract = regNext("s4_subtract", aSignR.xor(bSignR));
    Bool zeroSign = regNext("s4_zero_sign", aSignR.and(bSignR));
    bothZero = regNext("s4_both_zero", bothZero);
    special = delayAll("s4", special);

    // 5: add or subtract (the bigger minus the smaller is never negative)
    UInt total =
        regNext(
            "s5_total",
            mux(
                subtract,
                bigAligned.zext(28).sub(smallAligned.zext(28)).trunc(28),
                bigAligned.add(smallAligned))); // 28 bits, 26 fraction bits
    bigX = regNext("s5_big_x", bigX);
    bigSign = regNext("s5_big_sign", bigSign);
    zeroSign = regNext("s5_zero_sign", zeroSign);
    bothZero = regNext("s5_both_zero", bothZero);
    special = delayAll("s5", special);

    // 6: leading zeros of the sum
    UInt lz = regNext("s6_lz", total.clz()); // 0..28
    Bool exactZero = regNext("s6_exact_zero", total.isZero());
    total = regNext("s6_total", total);
    bigX = regNext("s6_big_x", bigX);
    bigSign = regNext("s6_big_sign", bigSign);
    zeroSign = regNext("s6_zero_sign", zeroSign);
    bothZero = regNext("s6_both_zero", bothZero);
    special = delayAll("s6", special);

    // 7: normalize (bit 27 = leading one); field + 256 = bigX + 1 - lz; below 257 the result is
    // subnormal and the significand moves right by 257 - (bigX + 1 - lz) = 256 + lz - bigX
    UInt norm = regNext("s7_norm", total.shiftLeft(lz.trunc(5)));
    UInt r = bigX.zext(11).add(lit(1, 11)).trunc(11).sub(lz.zext(11)).trunc(11);
    Bool tiny = regNext("s7_tiny", r.lt(lit(257, 11)));
    UInt k = regNext("s7_k", lit(256, 11).add(lz.zext(11)).trunc(11).sub(bigX.zext(11)).trunc(11));
    UInt field = regNext("s7_field", r.sub(lit(257, 11)).trunc(11)); // field - 1 when normal
    Bool sign = regNext("s7_sign", mux(exactZero, bothZero.and(zeroSign), bigSign));
    Bool zero = regNext("s7_zero", exactZero);
    special = delayAll("s7", special);

    // 8: denormalize
    UInt kC = mux(tiny, mux(k.gt(lit(28, 11)), lit(28, 5), k.trunc(5)), lit(0, 5));
    UInt wide = norm.cat(lit(0, 28)).shiftRight(kC); // 56 bits
    UInt den = regNext("s8_den", wide.bits(55, 28).cat(wide.bits(27, 0).orR())); // 29 bits
    UInt exp = regNext("s8_field", mux(tiny, lit(0, 11), field));
    sign = regNext("s8_sign", sign);
    zero = regNext("s8_zero", zero);
    special = delayAll("s8", special);

    // 9: round (guard = den[4], sticky = den[3:0]) and pack; overflow to Inf
    UInt sig24 = den.bits(28, 5);
    Bool guard = den.bit(4);
    Bool sticky = den.bits(3, 0).orR();
    Bool roundUp = guard.and(sticky.or(sig24.bit(0)));
    UInt packed =
        exp.cat(lit(0, 23)).add(sig24.zext(34)).trunc(34).add(roundUp.asUInt().zext(34)).trunc(34);
    Bool overflow = packed.ge(lit(0x7F800000L, 34));
    UInt finite = sign.cat(mux(overflow, lit(0x7F800000L, 31), packed.trunc(31)));
    UInt result =
        mux(
            special[0],
            lit(VectorGolden.CANONICAL_NAN, 32),
            mux(
                special[1],
                special[2].cat(lit(0x7F800000L, 31)),
                mux(zero, sign.cat(lit(0, 31)), finite)));
    y.assign(regNext("s9_y", result));
    timing(LATENCY, 1);
  }

  /** An alignment distance, at most 49 (past 49 bits everything is sticky). */
  private UInt clampShift(UInt d) {
    return mux(d.gt(lit(49, 10)), lit(49, 6), d.trunc(6));
  }

  private Bool[] delayAll(String stage, Bool[] bits) {
    String[] names = {"nan", "inf", "inf_sign"};
    Bool[] out = new Bool[bits.length];
    for (int i = 0; i < bits.length; i++) {
      out[i] = regNext(stage + "_" + names[i], bits[i]);
    }
    return out;
  }

  @Override
  public String kindName() {
    return "scaled_adder";
  }
}

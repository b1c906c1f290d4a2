package io.hardformer.generators.rope;

import io.hardformer.dsl.Bool;
import io.hardformer.dsl.Module;
import io.hardformer.dsl.UInt;
import io.hardformer.generators.floating.Fp32;

/**
 * One rotation of the rope unit: {@code y = RNE_fp32(u × c + v × s)} for FP32 {@code u, v} and
 * two's-complement {@code c, s} (unit 2^-30), the exact sum of the two exact products rounded once
 * (gradual underflow, overflow to Inf), bit-exact to {@code RopeGolden.dot}. An exact zero sum is
 * +0; a NaN or Inf in {@code u} or {@code v} gives the canonical NaN 0x7FC00000. Ports {@code u, v,
 * c, s} (32 bits each), {@code y[31:0]}; no valid bit (the unit carries it), {@link #LATENCY}
 * register stages, II 1.
 *
 * <p>Each product is a 56-bit integer (24-bit significand × 32-bit magnitude) with exponent {@code
 * max(field, 1) - 180}; the sum is an FP adder on 56-bit significands, laid out as {@code
 * ScaledAdder}'s. Exponents are FP32 fields biased by 256 ({@code X = max(field, 1) + 258 - lz}).
 * Stages:
 *
 * <ol>
 *   <li>decode, magnitudes of c and s, the two 24 × 32 products;
 *   <li>leading zeros of both products;
 *   <li>normalize both (56-bit shift), their exponents;
 *   <li>order by magnitude (68-bit compare), both exponent differences, clamped to 63;
 *   <li>swap, align the smaller (120-bit shift: 58 bits kept, the rest ORed into sticky);
 *   <li>add or subtract (60 bits);
 *   <li>leading zeros of the sum;
 *   <li>normalize (60-bit shift); result exponent and the denormalizing distance;
 *   <li>denormalize below 2^-126 (88-bit shift, sticky);
 *   <li>round to nearest even and pack, overflow to Inf, NaN.
 * </ol>
 *
 * Alignment with sticky is exact where it matters: the smaller term loses bits only when it is more
 * than 2 places below the larger, and then the sum keeps at least 57 significant bits above the
 * sticky bit, far more than the 26 the rounding reads.
 */
public final class RopeRotationLane extends Module {
  /** Register stages from {@code u, v, c, s} to {@code y}. */
  public static final int LATENCY = 10;

  /** Bits of an exact product: 24-bit significand × 32-bit magnitude. */
  private static final int P = 56;

  /** Exponent arithmetic width (biased values up to 513, differences signed). */
  private static final int XB = 13;

  public final UInt u = in("u", 32);
  public final UInt v = in("v", 32);
  public final UInt c = in("c", 32);
  public final UInt s = in("s", 32);
  public final UInt y = out("y", 32);

  public RopeRotationLane() {
    // 1: decode and multiply
    Fp32 fu = u.as(Fp32.LAYOUT);
    Fp32 fv = v.as(Fp32.LAYOUT);
    Bool nan = regNext("s1_nan", fu.isSpecial().or(fv.isSpecial()));
    UInt pa = regNext("s1_pa", significand(fu).mul(magnitude(c)));
    UInt pb = regNext("s1_pb", significand(fv).mul(magnitude(s)));
    UInt ea = regNext("s1_ea", exponent(fu));
    UInt eb = regNext("s1_eb", exponent(fv));
    Bool signA = regNext("s1_sign_a", fu.sign.xor(c.msb()));
    Bool signB = regNext("s1_sign_b", fv.sign.xor(s.msb()));

    // 2: leading zeros
    UInt lzA = regNext("s2_lz_a", pa.clz()); // 0..56
    UInt lzB = regNext("s2_lz_b", pb.clz());
    pa = regNext("s2_pa", pa);
    pb = regNext("s2_pb", pb);
    ea = regNext("s2_ea", ea);
    eb = regNext("s2_eb", eb);
    signA = regNext("s2_sign_a", signA);
    signB = regNext("s2_sign_b", signB);
    nan = regNext("s2_nan", nan);

    // 3: normalize (a zero product gets exponent 0 and significand 0)
    UInt ma = regNext("s3_ma", pa.shiftLeft(lzA));
    UInt mb = regNext("s3_mb", pb.shiftLeft(lzB));
    UInt xa = regNext("s3_xa", biased(ea, lzA, pa.isZero()));
    UInt xb = regNext("s3_xb", biased(eb, lzB, pb.isZero()));
    signA = regNext("s3_sign_a", signA);
    signB = regNext("s3_sign_b", signB);
    nan = regNext("s3_nan", nan);

    // 4: order by magnitude; both exponent differences, clamped
    Bool swap = regNext("s4_swap", xb.cat(mb).gt(xa.cat(ma)));
    UInt dAb = regNext("s4_d_ab", clampShift(xa.sub(xb).trunc(XB)));
    UInt dBa = regNext("s4_d_ba", clampShift(xb.sub(xa).trunc(XB)));
    xa = regNext("s4_xa", xa);
    xb = regNext("s4_xb", xb);
    ma = regNext("s4_ma", ma);
    mb = regNext("s4_mb", mb);
    signA = regNext("s4_sign_a", signA);
    signB = regNext("s4_sign_b", signB);
    nan = regNext("s4_nan", nan);

    // 5: swap and align the smaller: P + 2 bits kept, the rest ORed into sticky
    UInt d = mux(swap, dBa, dAb);
    UInt smallM = mux(swap, ma, mb);
    UInt shifted = smallM.cat(lit(0, 64)).shiftRight(d); // P + 64 bits
    UInt small =
        regNext("s5_small", shifted.bits(P + 63, 62).cat(shifted.bits(61, 0).orR())); // P + 3
    UInt big = regNext("s5_big", mux(swap, mb, ma).cat(lit(0, 3))); // P + 3
    UInt bigX = regNext("s5_big_x", mux(swap, xb, xa));
    Bool bigSign = regNext("s5_big_sign", mux(swap, signB, signA));
    Bool subtract = regNext("s5_subtract", signA.xor(signB));
    nan = regNext("s5_nan", nan);

    // 6: add or subtract (the bigger minus the smaller is never negative)
    int tw = P + 4;
    UInt total =
        regNext(
            "s6_total", mux(subtract, big.zext(tw).sub(small.zext(tw)).trunc(tw), big.add(small)));
    bigX = regNext("s6_big_x", bigX);
    bigSign = regNext("s6_big_sign", bigSign);
    nan = regNext("s6_nan", nan);

    // 7: leading zeros of the sum
    UInt lz = regNext("s7_lz", total.clz()); // 0..60
    Bool zero = regNext("s7_zero", total.isZero());
    total = regNext("s7_total", total);
    bigX = regNext("s7_big_x", bigX);
    bigSign = regNext("s7_big_sign", bigSign);
    nan = regNext("s7_nan", nan);

    // 8: normalize (bit tw-1 = leading one); field + 256 = bigX + 1 - lz; below 257 the result
    // is subnormal and moves right by 257 - (bigX + 1 - lz)
    UInt norm = regNext("s8_norm", total.shiftLeft(lz));
    UInt r = bigX.zext(XB).add(lit(1, XB)).trunc(XB).sub(lz.zext(XB)).trunc(XB);
    Bool tiny = regNext("s8_tiny", r.lt(lit(257, XB)));
    UInt k = regNext("s8_k", lit(257, XB).sub(r).trunc(XB));
    UInt field = regNext("s8_field", r.sub(lit(257, XB)).trunc(11)); // field - 1 when normal
    bigSign = regNext("s8_sign", bigSign);
    zero = regNext("s8_zero", zero);
    nan = regNext("s8_nan", nan);

    // 9: denormalize
    UInt kC = mux(tiny, mux(k.gt(lit(28, XB)), lit(28, 5), k.trunc(5)), lit(0, 5));
    UInt wide = norm.cat(lit(0, 28)).shiftRight(kC); // tw + 28 bits
    UInt den = regNext("s9_den", wide.bits(tw + 27, 28).cat(wide.bits(27, 0).orR())); // tw + 1
    UInt exp = regNext("s9_field", mux(tiny, lit(0, 11), field));
    bigSign = regNext("s9_sign", bigSign);
    zero = regNext("s9_zero", zero);
    nan = regNext("s9_nan", nan);

    // 10: round (24 bits kept, guard, sticky) and pack; overflow to Inf
    UInt sig24 = den.bits(tw, tw - 23);
    Bool guard = den.bit(tw - 24);
    Bool sticky = den.bits(tw - 25, 0).orR();
    Bool roundUp = guard.and(sticky.or(sig24.bit(0)));
    UInt packed =
        exp.cat(lit(0, 23)).add(sig24.zext(34)).trunc(34).add(roundUp.asUInt().zext(34)).trunc(34);
    Bool overflow = packed.ge(lit(0x7F800000L, 34));
    UInt finite = bigSign.cat(mux(overflow, lit(0x7F800000L, 31), packed.trunc(31)));
    UInt result = mux(nan, lit(RopeGolden.CANONICAL_NAN, 32), mux(zero, lit(0, 32), finite));
    y.assign(regNext("s10_y", result));
    timing(LATENCY, 1);
  }

  /** The 24-bit significand, hidden bit included (clear for subnormals). */
  private static UInt significand(Fp32 f) {
    return f.exponent.isZero().not().cat(f.fraction);
  }

  /** {@code max(field, 1)}. */
  private UInt exponent(Fp32 f) {
    return mux(f.exponent.isZero(), lit(1, 8), f.exponent);
  }

  /** |x| of a 32-bit two's-complement value (2^31 for the most negative). */
  private UInt magnitude(UInt x) {
    return mux(x.msb(), x.not().add(lit(1, 32)).trunc(32), x);
  }

  /** {@code e + 258 - lz}, or 0 for a zero product. */
  private UInt biased(UInt e, UInt lz, Bool isZero) {
    UInt x = e.zext(XB).add(lit(258, XB)).trunc(XB).sub(lz.zext(XB)).trunc(XB);
    return mux(isZero, lit(0, XB), x);
  }

  /** An alignment distance, at most 63 (past P + 1 places everything is sticky). */
  private UInt clampShift(UInt d) {
    return mux(d.gt(lit(63, XB)), lit(63, 6), d.trunc(6));
  }

  @Override
  public String kindName() {
    return "rope_rotation_lane";
  }
}

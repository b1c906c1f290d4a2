package io.hardformer.generators.activation;

import io.hardformer.dsl.Bool;
import io.hardformer.dsl.HwType;
import io.hardformer.dsl.Module;
import io.hardformer.dsl.SInt;
import io.hardformer.dsl.UInt;
import io.hardformer.generators.floating.Fp32;

/**
 * s = x g(x) for one FP32 lane, g = Phi or sigmoid ({@link GatingFunction}), bit-exact with {@link
 * GatedProductGolden}: the shared datapath of {@code gelu} (x Phi(x)) and {@code swiglu}
 * (SiLU(gate) = gate sigmoid(gate)). Output as an {@link ExtendedFloat} (exclusive flags), {@value
 * #LATENCY} cycles after {@code x}, a new x every cycle. Stages, each at most one ~30 x 22
 * multiply, one 32-bit add or one 32-bit barrel shift:
 *
 * <ol>
 *   <li>decode x (normalizing shift of the significand) and u = |x| 2^24 (alignment shift);
 *   <li>the segment's four coefficients from a multiplexer tree on the top bits of u;
 *   <li>3..8. Horner: a3 t, + a2, x t, + a1, x t, + a0 (products floored, one multiply or one add
 *       per stage);
 *   <li value="9">clamp h to [0, 1]; g = h or 1 - h by the sign of x (a 29-bit subtract);
 *   <li>significand x g (24 x 29 bits);
 *   <li>leading-zero count and normalizing shift of the 53-bit product;
 *   <li>round to 24 bits (RNE), exponent e + 1 - lz + carry.
 * </ol>
 */
public final class GatedProductCore extends Module {
  public static final int LATENCY = 12;

  public final UInt x = in("x", 32);
  public final Bool negative = out("negative");
  public final UInt significand = out("significand", 24);
  public final SInt exponent = out("exponent", HwType.sint(Fp32Unpack.EXPONENT_BITS));
  public final Bool zero = out("zero");
  public final Bool inf = out("inf");
  public final Bool nan = out("nan");

  private final GatingFunction function;

  public GatedProductCore(GatingFunction function) {
    this.function = function;
    param("function", function.shortName());
    int rangeLog2 = function.rangeLog2();
    int tb = function.positionBits();
    int cf = GatingFunction.COEFFICIENT_FRACTION;
    int ew = Fp32Unpack.EXPONENT_BITS;

    // 1: decode, u = floor(|x| 2^24) below the range
    Fp32 f = x.as(Fp32.LAYOUT);
    Fp32Unpack unpack = instance("unpack", new Fp32Unpack());
    unpack.in.assign(x);
    Bool eZero = f.exponent.isZero();
    UInt effective = mux(eZero, lit(1, 8), f.exponent);
    Bool big = f.exponent.ge(lit(127 + rangeLog2, 8));
    UInt distance = lit(126 + rangeLog2, 9).sub(effective.zext(9)).trunc(9);
    UInt shift = mux(distance.gt(lit(31, 9)), lit(31, 5), distance.trunc(5));
    UInt aligned = eZero.not().cat(f.fraction).shl(rangeLog2); // uBits
    UInt u = regNext("u", aligned.shiftRight(shift));
    Bool bigR = regNext("big", big);
    Bool negR = regNext("neg", f.sign);
    UInt sigR = regNext("sig", unpack.significand);
    SInt expR = regNext("exp", unpack.exponent);
    Bool infR = regNext("x_inf", unpack.inf);
    Bool nanR = regNext("x_nan", unpack.nan);

    // 2: the segment's coefficients
    UInt segment = u.bits(function.uBits() - 1, tb);
    int segBits = function.rangeLog2() + function.segmentBits();
    SInt[] a = new SInt[GatingFunction.DEGREE + 1];
    for (int j = 0; j <= GatingFunction.DEGREE; j++) {
      a[j] = regNext("a" + j, table(segment, j, 0, segBits));
    }
    SInt t = regNext("t", u.bits(tb - 1, 0)).zext(tb + 1).asSInt();

    // 3..8: Horner, one multiply or one add per stage
    SInt acc = a[GatingFunction.DEGREE];
    int stage = 2;
    for (int j = GatingFunction.DEGREE - 1; j >= 0; j--) {
      int mulStage = stage + 1;
      SInt product = regNext("m" + j, acc.mul(delay("t_d" + j + "_", t, mulStage - 3)));
      SInt coefficient = delay("a" + j + "_d", a[j], mulStage + 1 - 3);
      acc = regNext("acc" + j, coefficient.add(product.shr(tb)));
      stage = mulStage + 1;
    }

    // 9: clamp to [0, 1], g = h or 1 - h, or exactly 1 / 0 beyond the range
    int horner = stage - 1; // stages after stage 1
    Bool negH = delay("neg_h", negR, horner);
    Bool bigH = delay("big_h", bigR, horner);
    int hw = acc.width();
    UInt h = acc.asUInt();
    Bool below = acc.isNegative();
    Bool above =
        below
            .not()
            .and(h.bits(hw - 1, cf).gt(lit(1, hw - cf)).or(h.bit(cf).and(h.bits(cf - 1, 0).orR())));
    UInt one = lit(1L << cf, cf + 1);
    UInt clamped = mux(below, lit(0, cf + 1), mux(above, one, h.trunc(cf + 1)));
    UInt gate = mux(negH, one.sub(clamped).trunc(cf + 1), clamped);
    UInt g = regNext("g", mux(bigH, mux(negH, lit(0, cf + 1), one), gate));
    stage++;

    // 10: significand x g
    int sideband = stage - 1;
    UInt product = regNext("p", delay("sig_d", sigR, sideband).mul(g)); // 53 bits
    stage++;

    // 11: normalize
    UInt lz = product.clz();
    UInt normalized = regNext("p_norm", product.shiftLeft(lz));
    UInt lzR = regNext("p_lz", lz);
    Bool productZero = regNext("p_zero", product.isZero());
    stage++;

    // 12: round to 24 bits
    int s = stage - 1;
    Bool negOut = delay("neg_d", negR, s);
    SInt expD = delay("exp_d", expR, s);
    Bool infD = delay("inf_d", infR, s);
    Bool nanD = delay("nan_d", nanR, s);
    UInt kept = normalized.bits(52, 29);
    Bool guard = normalized.bit(28);
    Bool sticky = normalized.bits(27, 0).orR();
    Bool roundUp = guard.and(sticky.or(kept.bit(0)));
    UInt rounded = kept.add(roundUp.asUInt()); // 25 bits
    Bool carry = rounded.bit(24);
    UInt sig = mux(carry, lit(0x800000, 24), rounded.trunc(24));
    SInt e =
        expD.add(slit(1, 2))
            .sub(lzR.zext(lzR.width() + 1).asSInt())
            .add(carry.asUInt().zext(2).asSInt())
            .resize(ew);
    Bool infOut = infD.and(negOut.not()).and(nanD.not());
    negative.assign(regNext("out_neg", negOut.and(nanD.not())));
    significand.assign(regNext("out_sig", sig));
    exponent.assign(regNext("out_exp", e));
    zero.assign(regNext("out_zero", productZero.and(nanD.not()).and(infOut.not())));
    inf.assign(regNext("out_inf", infOut));
    nan.assign(regNext("out_nan", nanD));
    stage++;
    if (stage != LATENCY) {
      throw new IllegalStateException("stages " + stage + " != LATENCY " + LATENCY);
    }
  }

  /** Coefficient j of the segments [base, base + 2^bits) as a multiplexer tree on segment bits. */
  private SInt table(UInt segment, int j, int base, int bits) {
    if (bits == 0) {
      return slit(function.coefficient(base, j), function.coefficientBits(j));
    }
    int half = 1 << (bits - 1);
    return mux(
        segment.bit(bits - 1),
        table(segment, j, base + half, bits - 1),
        table(segment, j, base, bits - 1));
  }

  @Override
  public String kindName() {
    return "gated_product_" + function.shortName();
  }
}

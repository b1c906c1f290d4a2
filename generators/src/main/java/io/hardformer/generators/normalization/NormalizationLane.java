package io.hardformer.generators.normalization;

import io.hardformer.dsl.Bool;
import io.hardformer.dsl.HwType;
import io.hardformer.dsl.Module;
import io.hardformer.dsl.SInt;
import io.hardformer.dsl.UInt;
import io.hardformer.generators.fp8.Fp8Quant;

/**
 * The output pass of one lane ({@link NormalizationGolden#element}): stage 1 aligns x to the row
 * exponent (8-bit subtract, 32-bit shift) and converts gamma, beta; stage 2 forms D = N X - A
 * (layernorm) or X; stage 3 normalizes D; two stages x k, two x gamma, (layernorm) three + beta;
 * one rounds to FP32; the FP8 quantizer's two stages give q beside y. Latency {@link
 * #latency(boolean)}, II 1. The row registers ({@code row_r}, {@code row_a}, {@code k}, {@code
 * row_bad}) must hold still while a row's output pass is in the lane.
 */
public final class NormalizationLane extends Module {
  public final UInt x = in("x", 32);
  public final UInt gamma = in("gamma", 32);
  public final UInt beta;
  public final UInt rowR = in("row_r", 8);
  public final SInt rowA = in("row_a", HwType.sint(NormalizationShape.A_BITS));
  public final ExtendedFloatBits k = in("k", ExtendedFloatBits.TYPE);
  public final Bool rowBad = in("row_bad");
  private final boolean centered;
  public final UInt y = out("y", 32);
  public final UInt q = out("q", 8);

  public static int latency(boolean centered) {
    return 3
        + 2 * ExtendedFloatMultiply.LATENCY
        + (centered ? ExtendedFloatAdd.LATENCY : 0)
        + 1
        + QUANT_STAGES;
  }

  static final int QUANT_STAGES = 2;

  public NormalizationLane(NormalizationShape s) {
    centered = s.centered();
    param("dim", s.dim());
    param("centered", centered);
    param("format", s.format().cliName());
    beta = centered ? in("beta", 32) : null;
    int eb = NormalizationShape.EXPONENT_BITS;

    // stage 1: align x to the row exponent; gamma and beta to extended floats
    Fp32Decode dx = instance("dec_x", new Fp32Decode());
    dx.x.assign(x);
    Fp32Decode dg = instance("dec_g", new Fp32Decode());
    dg.x.assign(gamma);
    UInt d = rowR.sub(dx.exponent).trunc(8);
    UInt mag = dx.significand.shl(NormalizationShape.GUARD_BITS).shiftRight(d); // 32 bits
    Bool bad = rowBad.or(dx.special).or(dg.special);
    ExtendedFloatBits g = fp32(dg, "g_ext");
    ExtendedFloatBits b = null;
    if (centered) {
      Fp32Decode db = instance("dec_b", new Fp32Decode());
      db.x.assign(beta);
      bad = bad.or(db.special);
      b = fp32(db, "b_ext");
    }
    UInt mag1 = regNext("s1_mag", mag);
    Bool sign1 = regNext("s1_sign", dx.sign);
    Bool bad1 = regNext("s1_bad", bad);
    ExtendedFloatBits g1 = regNext("s1_g", g);
    ExtendedFloatBits b1 = centered ? regNext("s1_b", b) : null;

    // stage 2: D = N X - A, or X
    int db = NormalizationShape.A_BITS + 1;
    SInt xs = mag1.zext(NormalizationShape.X_BITS).asSInt();
    SInt xSigned = mux(sign1, xs.neg().trunc(NormalizationShape.X_BITS), xs);
    SInt dValue =
        centered
            ? xSigned.mul(slit(s.dim(), 15)).sext(db).sub(rowA.sext(db)).trunc(db)
            : xSigned.sext(db);
    SInt d2 = regNext("s2_d", dValue);
    Bool bad2 = regNext("s2_bad", bad1);
    ExtendedFloatBits g2 = regNext("s2_g", g1);
    ExtendedFloatBits b2 = centered ? regNext("s2_b", b1) : null;

    // stage 3: D to an extended float
    ExtendedFloatNormalize nd = instance("norm_d", new ExtendedFloatNormalize(db));
    Bool dNeg = d2.isNegative();
    nd.neg.assign(dNeg);
    nd.magnitude.assign(mux(dNeg, d2.neg().trunc(db), d2).asUInt());
    nd.base.assign(slit(0, eb));
    ExtendedFloatBits d3 = regNext("s3_d", nd.out);
    Bool bad3 = regNext("s3_bad", bad2);
    ExtendedFloatBits g3 = regNext("s3_g", g2);
    ExtendedFloatBits b3 = centered ? regNext("s3_b", b2) : null;

    // x k, x gamma
    ExtendedFloatMultiply mk = instance("mul_k", new ExtendedFloatMultiply());
    mk.a.assign(d3);
    mk.b.assign(k);
    ExtendedFloatMultiply mg = instance("mul_g", new ExtendedFloatMultiply());
    mg.a.assign(mk.out);
    mg.b.assign(delayed("g_d", g3, ExtendedFloatMultiply.LATENCY));
    int stages = 2 * ExtendedFloatMultiply.LATENCY;
    ExtendedFloatBits result = mg.out;
    if (centered) {
      ExtendedFloatAdd add = instance("add_b", new ExtendedFloatAdd());
      add.a.assign(mg.out);
      add.b.assign(delayed("b_d", b3, stages));
      result = add.out;
      stages += ExtendedFloatAdd.LATENCY;
    }

    // round to FP32, then FP8 beside it
    ExtendedFloatToFp32 round = instance("round", new ExtendedFloatToFp32());
    round.in.assign(result);
    round.nan.assign(delay("bad_d", bad3, stages));
    UInt yR = regNext("y_r", round.out);
    Fp8Quant quant = instance("quant", new Fp8Quant(s.format(), true, QUANT_STAGES));
    quant.in.valid().assign(bool(true));
    quant.in.payload().in.assign(yR);
    q.assign(quant.out.payload().out);
    y.assign(delay("y_d", yR, QUANT_STAGES));
  }

  private ExtendedFloatBits fp32(Fp32Decode dec, String name) {
    ExtendedFloatNormalize n = instance(name, new ExtendedFloatNormalize(24));
    n.neg.assign(dec.sign);
    n.magnitude.assign(dec.significand);
    n.base.assign(
        dec.exponent
            .zext(NormalizationShape.EXPONENT_BITS)
            .asSInt()
            .sub(slit(150, NormalizationShape.EXPONENT_BITS))
            .trunc(NormalizationShape.EXPONENT_BITS));
    return n.out;
  }

  private ExtendedFloatBits delayed(String name, ExtendedFloatBits v, int cycles) {
    ExtendedFloatBits d = v;
    for (int i = 0; i < cycles; i++) {
      d = regNext(name + i, d);
    }
    return d;
  }

  @Override
  public String kindName() {
    return centered ? "layernorm_lane" : "rmsnorm_lane";
  }
}

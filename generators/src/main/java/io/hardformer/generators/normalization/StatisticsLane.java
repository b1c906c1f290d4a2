package io.hardformer.generators.normalization;

import io.hardformer.dsl.Bool;
import io.hardformer.dsl.Module;
import io.hardformer.dsl.SInt;
import io.hardformer.dsl.UInt;

/**
 * The statistics pass of one lane ({@link NormalizationGolden#statistics}): the decoded exponent of
 * {@code x} for the beat's max (combinational); one stage later the row exponent {@code r_new}
 * arrives and the shift R - e is registered; then the 32-bit alignment shift and the 24 x 24
 * square; {@code aligned} (X, signed) and {@code square} (Q = sig^2 >> 2(R - e)) come out three
 * stages after {@code x}.
 */
public final class StatisticsLane extends Module {
  public final UInt x = in("x", 32);
  public final UInt rNew = in("r_new", 8);
  public final UInt exponent = out("exponent", 8);
  public final Bool special = out("special");
  public final SInt aligned =
      out("aligned", io.hardformer.dsl.HwType.sint(NormalizationShape.X_BITS));
  public final UInt square = out("square", NormalizationShape.Q_BITS);

  /** Cycles from {@code x} to {@code aligned} and {@code square}. */
  public static final int LATENCY = 3;

  public StatisticsLane() {
    Fp32Decode dec = instance("dec", new Fp32Decode());
    dec.x.assign(x);
    exponent.assign(dec.exponent);
    special.assign(dec.special);
    UInt ex1 = regNext("s1_exp", dec.exponent);
    UInt sig1 = regNext("s1_sig", dec.significand);
    Bool sign1 = regNext("s1_sign", dec.sign);

    UInt d2 = regNext("s2_shift", rNew.sub(ex1).trunc(8));
    UInt sig2 = regNext("s2_sig", sig1);
    Bool sign2 = regNext("s2_sign", sign1);

    UInt mag3 = regNext("s3_mag", sig2.shl(NormalizationShape.GUARD_BITS).shiftRight(d2));
    UInt sq3 = regNext("s3_sq", sig2.mul(sig2));
    UInt d3 = regNext("s3_shift", d2);
    Bool sign3 = regNext("s3_sign", sign2);

    SInt xs = mag3.zext(NormalizationShape.X_BITS).asSInt();
    aligned.assign(mux(sign3, xs.neg().trunc(NormalizationShape.X_BITS), xs));
    square.assign(sq3.shiftRight(d3.shl(1)));
  }

  @Override
  public String kindName() {
    return "statistics_lane";
  }
}

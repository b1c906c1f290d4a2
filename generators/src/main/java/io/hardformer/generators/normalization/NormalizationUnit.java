package io.hardformer.generators.normalization;

import io.hardformer.dsl.Bool;
import io.hardformer.dsl.HwType;
import io.hardformer.dsl.Module;
import io.hardformer.dsl.SInt;
import io.hardformer.dsl.Stream;
import io.hardformer.dsl.StreamPorts;
import io.hardformer.dsl.UInt;
import io.hardformer.dsl.Valid;
import java.util.ArrayList;
import java.util.List;

/**
 * The normalization core of {@code layernorm} and {@code rmsnorm} ({@link NormalizationGolden}):
 * each row is streamed twice, N / L beats per pass, {@code in_last} on each pass's last beat. The
 * statistics pass reads x only and stores nothing but the row sums A, B and the row exponent R;
 * then {@code in_ready} is low for {@link #statisticsLatency()} cycles while the statistics
 * pipeline forms the output scale k; the output pass reads x, gamma (and beta) and gives one output
 * beat per input beat, {@link NormalizationLane#latency} cycles after it is accepted, {@code
 * out_last} on the row's last. The next row's statistics pass may follow the output pass at once.
 *
 * <p>Statistics pass stages: input register; decode and beat max exponent; running max R and
 * per-lane shift; 32-bit alignment shift and 24 x 24 square; negate, square shift and lane sums;
 * accumulate A = (A >> n) + sum X, B = (B >> 2n) + sum Q. Statistics pipeline (once per row): A^2
 * and N B (one stage), V (one), V to an extended float (one), x 1/N^2 (two), + eps (three), inverse
 * square root (eleven), x 1/N (two), exponent of k (one).
 */
public final class NormalizationUnit extends Module {
  /**
   * Ports {@code in_valid}, {@code in_ready}, {@code in_last}, {@code x}, {@code gamma}, {@code
   * beta}.
   */
  public final Stream<NormalizationBeat> in;

  /** Ports {@code out_valid}, {@code out_last}, {@code y}, {@code q}. */
  public final Valid<NormalizationOutput> out;

  private final boolean centered;

  /** Cycles of the statistics pipeline, from the accumulation of the pass's last beat to k. */
  public static int statisticsLatency() {
    return 3
        + ExtendedFloatMultiply.LATENCY
        + ExtendedFloatAdd.LATENCY
        + InverseSquareRootUnit.LATENCY
        + ExtendedFloatMultiply.LATENCY
        + 1;
  }

  /** Stages of the statistics pass from a beat's acceptance to its accumulation in A and B. */
  public static final int ACCUMULATE_STAGES = 5;

  /**
   * Cycles a row takes beyond its 2 N/L beats, back to back: the statistics gap between its two
   * passes (row period = 2 N/L + rowGap()).
   */
  public static int rowGap() {
    return ACCUMULATE_STAGES + statisticsLatency();
  }

  /** Cycles from an output-pass beat's acceptance to its output beat. */
  public static int outputLatency(boolean centered) {
    return 1 + NormalizationLane.latency(centered);
  }

  public NormalizationUnit(NormalizationShape s) {
    centered = s.centered();
    int lanes = s.lanes();
    param("dim", s.dim());
    param("lanes", lanes);
    param("eps", Float.toString(s.eps()));
    param("format", s.format().cliName());
    in =
        inStream(
            "in",
            NormalizationBeat.type(lanes, centered),
            StreamPorts.DEFAULT.withLast().bareFields());
    out =
        outValid(
            "out", NormalizationOutput.type(lanes), StreamPorts.DEFAULT.withLast().bareFields());
    int eb = NormalizationShape.EXPONENT_BITS;

    // pass control: the statistics pass, then the output pass, of each row
    Bool busy = reg("busy", false);
    Bool outputPass = reg("output_pass", false);
    Bool passStart = reg("pass_start", true);
    in.driveReady(busy.not());
    Bool accept = in.valid().and(busy.not());
    when(
        accept,
        () -> {
          passStart.next(in.last());
          when(in.last(), () -> outputPass.next(outputPass.not()));
        });

    UInt x0 = regNext("x_r", in.payload().x);
    UInt g0 = regNext("gamma_r", in.payload().gamma);
    UInt b0 = centered ? regNext("beta_r", in.payload().beta) : null;
    Bool statsBeat = regNext("stats_valid_r", accept.and(outputPass.not()), false);
    Bool outBeat = regNext("out_valid_r", accept.and(outputPass), false);
    Bool first0 = regNext("first_r", passStart);
    Bool last0 = regNext("last_r", in.last());

    // ---- statistics pass
    List<StatisticsLane> stat = new ArrayList<>();
    UInt eb0 = null;
    Bool bad0 = bool(false);
    for (int l = 0; l < lanes; l++) {
      StatisticsLane lane = instance("stat_lane" + l, new StatisticsLane());
      lane.x.assign(x0.bits(32 * l + 31, 32 * l));
      stat.add(lane);
      eb0 = eb0 == null ? lane.exponent : mux(lane.exponent.gt(eb0), lane.exponent, eb0);
      bad0 = bad0.or(lane.special);
    }
    UInt ebR = regNext("s1_beat_exp", eb0);
    Bool v1 = regNext("s1_valid", statsBeat, false);
    Bool first1 = regNext("s1_first", first0);
    Bool last1 = regNext("s1_last", last0);
    Bool bad1 = regNext("s1_bad", bad0);

    UInt r = reg("row_exp", 8, 0);
    UInt rNew = mux(first1.or(ebR.gt(r)), ebR, r);
    UInt grow = rNew.sub(r).trunc(8);
    UInt n = mux(first1, lit(0, 6), mux(grow.gt(lit(63, 8)), lit(63, 6), grow.trunc(6)));
    when(v1, () -> r.next(rNew));
    for (StatisticsLane lane : stat) {
      lane.rNew.assign(rNew);
    }
    UInt n3 = delay("s2_n", n, 2);
    Bool v3 = delay("s2_valid", v1, 2, false);
    Bool first3 = delay("s2_first", first1, 2);
    Bool last3 = delay("s2_last", last1, 2);
    Bool bad3 = delay("s2_bad", bad1, 2);

    int aBits = NormalizationShape.A_BITS;
    int bBits = NormalizationShape.B_BITS;
    SInt sumX = null;
    UInt sumQ = null;
    for (StatisticsLane lane : stat) {
      SInt xl = lane.aligned.sext(aBits);
      UInt ql = lane.square.zext(bBits);
      sumX = sumX == null ? xl : sumX.add(xl).trunc(aBits);
      sumQ = sumQ == null ? ql : sumQ.add(ql).trunc(bBits);
    }
    SInt sumX4 = regNext("s4_sum_x", sumX);
    UInt sumQ4 = regNext("s4_sum_q", sumQ);
    UInt n4 = regNext("s4_n", n3);
    Bool v4 = regNext("s4_valid", v3, false);
    Bool first4 = regNext("s4_first", first3);
    Bool last4 = regNext("s4_last", last3);
    Bool bad4 = regNext("s4_bad", bad3);

    SInt a = reg("sum_x", HwType.sint(aBits), 0);
    UInt b = reg("sum_q", HwType.uint(bBits), 0);
    Bool badAcc = reg("bad_acc", false);
    when(
        v4,
        () -> {
          a.next(mux(first4, sumX4, a.shiftRight(n4).add(sumX4).trunc(aBits)));
          b.next(mux(first4, sumQ4, b.shiftRight(n4.shl(1)).add(sumQ4).trunc(bBits)));
          badAcc.next(mux(first4, bad4, badAcc.or(bad4)));
        });
    Bool done = regNext("stats_start", v4.and(last4), false);

    // ---- statistics pipeline, once per row (A, B, R hold still until the next statistics pass)
    SInt unit = r.zext(eb).asSInt().sub(slit(150 + NormalizationShape.GUARD_BITS, eb)).trunc(eb);
    int vBits = 2 * aBits;
    UInt nb =
        regNext(
            "t1_nb", b.mul(lit(s.dim(), 14)).shl(2 * NormalizationShape.GUARD_BITS).resize(vBits));
    SInt a2 = regNext("t1_a2", a.mul(a));
    SInt vSigned = nb.zext(vBits + 1).asSInt().sub(a2.sext(vBits + 1)).trunc(vBits + 1);
    UInt v =
        centered ? mux(vSigned.isNegative(), lit(0, vBits), vSigned.asUInt().trunc(vBits)) : nb;
    UInt vR = regNext("t2_v", v);
    ExtendedFloatNormalize nv = instance("norm_v", new ExtendedFloatNormalize(vBits));
    nv.neg.assign(bool(false));
    nv.magnitude.assign(vR);
    nv.base.assign(unit.shl(1).trunc(eb));
    ExtendedFloatBits v3r = regNext("t3_v", nv.out);
    ExtendedFloatMultiply byN2 = instance("mul_inv_n2", new ExtendedFloatMultiply());
    byN2.a.assign(v3r);
    byN2.b.assign(constant("inv_n2", s.inverseDimSquared()));
    ExtendedFloatAdd plusEps = instance("add_eps", new ExtendedFloatAdd());
    plusEps.a.assign(byN2.out);
    plusEps.b.assign(constant("eps", ExtendedFloat.ofFp32(s.epsBits())));
    InverseSquareRootUnit rsqrt = instance("rsqrt", new InverseSquareRootUnit());
    rsqrt.t.assign(plusEps.out);
    ExtendedFloatMultiply byN = instance("mul_inv_n", new ExtendedFloatMultiply());
    byN.a.assign(rsqrt.out);
    byN.b.assign(constant("out_factor", s.outputFactor()));
    ExtendedFloatBits kNow = wire("k_now", ExtendedFloatBits.TYPE);
    kNow.neg.assign(byN.out.neg);
    kNow.m.assign(byN.out.m);
    kNow.e.assign(byN.out.e.add(unit).trunc(eb));
    Bool statsDone = delay("stats_d", done, statisticsLatency() - 1, false);

    ExtendedFloatBits k = reg("row_k", ExtendedFloatBits.TYPE);
    UInt rowR = reg("row_r", 8, 0);
    SInt rowA = reg("row_a", HwType.sint(aBits), 0);
    Bool rowBad = reg("row_bad", false);
    when(
        statsDone,
        () -> {
          k.next(kNow);
          rowR.next(r);
          rowA.next(a);
          rowBad.next(badAcc);
        });
    when(accept.and(in.last()).and(outputPass.not()), () -> busy.next(bool(true)))
        .elseWhen(statsDone, () -> busy.next(bool(false)));

    // ---- output pass, L lanes
    UInt[] ys = new UInt[lanes];
    UInt[] qs = new UInt[lanes];
    for (int l = 0; l < lanes; l++) {
      NormalizationLane lane = instance("lane" + l, new NormalizationLane(s));
      lane.x.assign(x0.bits(32 * l + 31, 32 * l));
      lane.gamma.assign(g0.bits(32 * l + 31, 32 * l));
      if (centered) {
        lane.beta.assign(b0.bits(32 * l + 31, 32 * l));
      }
      lane.rowR.assign(rowR);
      lane.rowA.assign(rowA);
      lane.k.assign(k);
      lane.rowBad.assign(rowBad);
      ys[lanes - 1 - l] = lane.y;
      qs[lanes - 1 - l] = lane.q;
    }
    int laneLatency = NormalizationLane.latency(centered);
    out.payload()
        .y
        .assign(lanes == 1 ? ys[0] : ys[0].cat(java.util.Arrays.copyOfRange(ys, 1, lanes)));
    out.payload()
        .q
        .assign(lanes == 1 ? qs[0] : qs[0].cat(java.util.Arrays.copyOfRange(qs, 1, lanes)));
    out.valid().assign(delay("out_valid_d", outBeat, laneLatency, false));
    out.last().assign(delay("out_last_d", outBeat.and(last0), laneLatency, false));
    timing(1 + laneLatency, 1);
  }

  private ExtendedFloatBits constant(String name, ExtendedFloat c) {
    int eb = NormalizationShape.EXPONENT_BITS;
    ExtendedFloatBits w = wire(name, ExtendedFloatBits.TYPE);
    w.neg.assign(bool(c.negative()));
    w.m.assign(lit(c.m(), ExtendedFloat.BITS));
    w.e.assign(slit(c.e(), eb));
    return w;
  }

  @Override
  public String kindName() {
    return centered ? "layernorm" : "rmsnorm";
  }
}

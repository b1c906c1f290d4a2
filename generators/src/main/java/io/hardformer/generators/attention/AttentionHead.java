package io.hardformer.generators.attention;

import io.hardformer.dsl.Bool;
import io.hardformer.dsl.HwType;
import io.hardformer.dsl.Module;
import io.hardformer.dsl.SInt;
import io.hardformer.dsl.UInt;
import io.hardformer.dsl.Vec;
import io.hardformer.generators.catalog.LaneUnits;
import io.hardformer.generators.fp8.ExactDotTree;
import io.hardformer.generators.fp8.Fp8Unpack;
import io.hardformer.generators.numerics.Fp8Format;
import java.math.BigInteger;

/**
 * One query head of the attention unit: the online-softmax recurrence over a stream of keys and
 * values (formats in {@link AttentionShape}, reference {@link AttentionGolden}). Pipeline, one key
 * per cycle: exact q . k (tree); scale to base-2 logit x; running max m of ceil(x), shift n = m_new
 * - m_old and t = m_new - x; p = 2^-t; p x v terms; accumulate l = (l >> n) + p and acc = (acc >>
 * n) + p v. After the step: {@code norm} normalizes l, then 27 {@code div} cycles form the
 * reciprocal of the normalized l.
 */
public final class AttentionHead extends Module {
  public final Bool valid = in("valid");
  public final Bool first = in("first");
  public final UInt q;
  public final UInt k;
  public final UInt v;
  public final Bool vBad = in("v_bad");
  public final Bool norm = in("norm");
  public final Bool div = in("div");
  public final Vec<SInt> acc;
  public final UInt recip = out("recip", AttentionShape.RECIPROCAL_BITS);
  public final UInt lz;
  public final Bool bad = out("bad");

  /**
   * Cycles after {@code valid} at which {@code v} is read (beside p): the stages built up to there.
   */
  public final int vStage;

  /** Cycles after {@code valid} at which the beat's accumulation is in {@code acc}. */
  public final int accumulateStage;

  public AttentionHead(AttentionShape s) {
    this(s, LaneUnits.BUILT);
  }

  /**
   * @param laneUnits {@link LaneUnits#PORTS_ONLY}: the q . k tree's lanes without logic, for the
   *     area bill (never emitted)
   */
  public AttentionHead(AttentionShape s, LaneUnits laneUnits) {
    Fp8Format f = s.format();
    int dim = s.headDim();
    param("format", f.cliName());
    param("head_dim", dim);
    q = in("q", 8 * dim);
    k = in("k", 8 * dim);
    v = in("v", 8 * dim);
    int sumBits = s.sumBits();
    acc = outVec("acc", dim, HwType.sint(s.accBits()));
    lz = out("lz", bitsFor(sumBits));

    // q . k, exact
    ExactDotTree dot = instance("dot", ExactDotTree.of(f, dim, s.deep(), laneUnits));
    dot.inValid.assign(valid);
    dot.a.assign(q);
    dot.b.assign(k);
    Bool firstD = delay("first_d", first, dot.latency, false);
    int stage = dot.latency;

    // x = (s x c) >> shift
    SInt c = slit(s.scaleConstant(), AttentionShape.SCALE_BITS + 1);
    SInt x = regNext("x", s.deep() ? scaled(s, dot.sum) : dot.sum.mul(c).shr(s.scaleShift()));
    Bool xValid = regNext("x_valid", lag(s, 2, "x_valid_d", dot.outValid), false);
    Bool xFirst = regNext("x_first", lag(s, 2, "x_first_d", firstD), false);
    Bool xBad = regNext("x_bad", lag(s, 2, "x_bad_d", dot.nan.or(dot.posInf).or(dot.negInf)));
    stage++;

    // running max of ceil(x); shift n and exponent t = m_new - x >= 0
    int xf = AttentionShape.X_FRACTION;
    int mBits = s.maxBits();
    SInt ceil = s.deep() ? deepCeil : x.add(slit((1L << xf) - 1, xf + 1)).shr(xf); // mBits
    SInt m = reg("m", HwType.sint(mBits), 0);
    SInt mNew = mux(xFirst.or(ceil.gt(m)), ceil, m);
    SInt grow = mNew.sub(m); // >= 0
    UInt limit = lit(AttentionShape.SHIFT_LIMIT, 7);
    UInt n =
        mux(
            xFirst,
            lit(0, 7),
            mux(grow.gt(limit.zext(8).asSInt().sext(mBits + 1)), limit, grow.asUInt().resize(7)));
    UInt t = mNew.shl(xf).sub(x.sext(mBits + xf)).asUInt();
    when(xValid, () -> m.next(mNew));
    UInt tR = regNext("t", s.deep() ? deepT(mNew, m, x, xFirst, xValid) : t);
    UInt nT = regNext("t_n", lag(s, s.deepTLag() - 1, "t_n_d", s.deep() ? deepN : n));
    Bool tValid = regNext("t_valid", lag(s, s.deepTLag(), "t_valid_d", xValid), false);
    Bool tFirst = regNext("t_first", lag(s, s.deepTLag(), "t_first_d", xFirst), false);
    Bool tBad = regNext("t_bad", lag(s, s.deepTLag(), "t_bad_d", xBad));
    stage++;

    // p = 2^-t
    Exp2Function exp = (Exp2Function) instance("exp2", exp2Unit(s, tR.width()));
    exp.t().assign(tR);
    UInt p = regNext("p", exp.p());
    UInt nP = regNext("p_n", nT);
    Bool pValid = regNext("p_valid", tValid, false);
    Bool pFirst = regNext("p_first", tFirst, false);
    Bool pBad = regNext("p_bad", tBad);
    stage++;
    vStage = stage + s.deepVStages();

    // p x v_d, exact
    int termBits = s.termBits();
    SInt[] terms = new SInt[dim];
    for (int d = 0; d < dim; d++) {
      Fp8Unpack u = instance("v_unpack" + d, new Fp8Unpack(f));
      u.code.assign(v.bits(8 * d + 7, 8 * d));
      UInt magnitude =
          p.mul(u.significand)
              .zext(termBits - 1)
              .shiftLeft(u.exponent.sub(lit(1, u.exponent.width())).trunc(u.exponent.width()));
      SInt positive = magnitude.zext(termBits).asSInt();
      terms[d] = regNext("term" + d, signed(s, d, u, p, positive));
    }
    UInt pv = regNext("pv_p", lag(s, 2, "pv_p_d", p));
    UInt nV = regNext("pv_n", lag(s, 2, "pv_n_d", nP));
    Bool vValid = regNext("pv_valid", lag(s, 2, "pv_valid_d", pValid), false);
    Bool vFirst = regNext("pv_first", lag(s, 2, "pv_first_d", pFirst), false);
    Bool vBadR = regNext("pv_bad", lag(s, 2, "pv_bad_d", pBad.or(vBad)));
    stage++;
    accumulateStage = stage + 1 + s.deepHeadStages();
    if (s.windows() && deepAccumulate(s, terms, pv, vValid, vFirst, vBadR)) return;
    UInt l = reg("l", HwType.uint(sumBits), 0);
    Bool badAcc = reg("bad_acc", false);
    when(
        vValid,
        () -> {
          l.next(
              mux(vFirst, pv.zext(sumBits), l.shiftRight(nV).add(pv.zext(sumBits)).trunc(sumBits)));
          badAcc.next(mux(vFirst, vBadR, badAcc.or(vBadR)));
        });
    int accBits = s.accBits();
    for (int d = 0; d < dim; d++) {
      SInt a = reg("acc" + d, HwType.sint(accBits), 0);
      SInt term = terms[d].sext(accBits);
      when(vValid, () -> a.next(mux(vFirst, term, a.shiftRight(nV).add(term).trunc(accBits))));
      acc.get(d).assign(a);
    }
    bad.assign(badAcc);
    // (deep accumulates in deepAccumulate: a RescalingWindow for l, one for the acc lanes)
    if (s.deep() && deepDivider(s, l)) return; // deep-compact (deep: from deepAccumulate)
    // after the step: normalize l, then a restoring divider forms floor(2^(L+25) / l_norm), 27 bits
    UInt lzNow = l.clz();
    UInt lNorm = reg("l_norm", HwType.uint(sumBits), 0);
    UInt lzR = reg("l_lz", HwType.uint(lzNow.width()), 0);
    UInt rem = reg("rem", HwType.uint(sumBits + 1), 0);
    UInt quotient = reg("quotient", HwType.uint(AttentionShape.RECIPROCAL_BITS), 0);
    UInt doubled = rem.shl(1).trunc(sumBits + 1);
    Bool fits = doubled.ge(lNorm.zext(sumBits + 1));
    when(
            norm,
            () -> {
              lNorm.next(l.shiftLeft(lzNow));
              lzR.next(lzNow);
              rem.next(lit(BigInteger.ONE.shiftLeft(sumBits - 2), sumBits + 1));
              quotient.next(lit(0, AttentionShape.RECIPROCAL_BITS));
            })
        .elseWhen(
            div,
            () -> {
              rem.next(mux(fits, doubled.sub(lNorm.zext(sumBits + 1)).trunc(sumBits + 1), doubled));
              quotient.next(quotient.trunc(AttentionShape.RECIPROCAL_BITS - 1).cat(fits));
            });
    recip.assign(quotient);
    lz.assign(lzR);
  }

  /** The exp2 step: combinational, or staged with {@code --pipeline deep}. */
  private static io.hardformer.dsl.Module exp2Unit(AttentionShape s, int tBits) {
    return s.deep() ? new StagedExp2Unit(tBits) : new Exp2Unit(tBits);
  }

  /** v itself, or with {@code --pipeline deep} v delayed by {@code k} cycles. */
  private UInt lag(AttentionShape s, int k, String name, UInt v) {
    return s.deep() ? delay(name, v, k) : v;
  }

  /** v itself, or with {@code --pipeline deep} v delayed by {@code k} cycles. */
  private Bool lag(AttentionShape s, int k, String name, Bool v) {
    return s.deep() ? delay(name, v, k, false) : v;
  }

  /**
   * (sum x c) >> scaleShift for {@code --pipeline deep}: the product's carry-save rows (c is a
   * constant: one row per set bit) are registered and added in the next cycle; the result is
   * registered again beside its ceil ({@link #deepCeil}), which the running max then compares.
   */
  private SInt scaled(AttentionShape s, SInt sum) {
    int w = sum.width() + AttentionShape.SCALE_BITS + 1;
    java.util.List<UInt> rows =
        io.hardformer.generators.arithmetic.CarrySave.reduce(
            io.hardformer.generators.arithmetic.CarrySave.constantRows(
                sum.sext(w).asUInt(), s.scaleConstant(), w),
            2,
            0);
    java.util.List<UInt> registered = new java.util.ArrayList<>();
    for (int k = 0; k < rows.size(); k++) {
      registered.add(regNext("x_rows" + k, rows.get(k)));
    }
    SInt x0 =
        regNext(
            "x_pre",
            io.hardformer.generators.arithmetic.CarrySave.resolve(registered)
                .asSInt()
                .shr(s.scaleShift()));
    int xf = AttentionShape.X_FRACTION;
    deepCeil = regNext("x_ceil", x0.add(slit((1L << xf) - 1, xf + 1)).shr(xf));
    return x0;
  }

  /** ceil(x), registered beside x ({@code --pipeline deep}). */
  private SInt deepCeil;

  /** The rescaling shift n computed by {@link #deepT} ({@code --pipeline deep}). */
  private UInt deepN;

  /** A step's first beat, beside {@link #deepN}. */
  private Bool deepFirst;

  /** The running max's beat valid, a cycle before {@link #deepN}. */
  private Bool maxValid;

  /**
   * Beside the terms ({@code --pipeline deep}): which bits lie below j = W - 1 - n (all on a step's
   * first beat), for the offset-binary acc window's addend, term + 2^(W - 1) - 2^j ({@link
   * RescalingWindow}).
   */
  private UInt windowBelow;

  /** The windows' control, from here: n clamped to W - 1 (acc) and to W (l); first; valid. */
  private UInt accWindowShift;

  private UInt lWindowShift;

  private Bool windowFirst;

  private Bool windowValid;

  /**
   * t = (m_new << X_FRACTION) - x and the shift n = min(m_new - m_old, 127) (0 on a step's first
   * pair) one cycle after the running max, from its registered inputs ({@code --pipeline deep}):
   * the max's compare and select and this subtract are then in different stages.
   */
  private UInt deepT(SInt mNew, SInt m, SInt x, Bool first, Bool valid) {
    int xf = AttentionShape.X_FRACTION;
    int mBits = m.width();
    SInt mNewR = regNext("t_m_new", mNew);
    SInt grow = mNewR.sub(regNext("t_m_old", m));
    UInt limit = lit(AttentionShape.SHIFT_LIMIT, 7);
    Bool big = grow.gt(limit.zext(8).asSInt().sext(mBits + 1));
    deepFirst = regNext("t_first_r", first, false);
    maxValid = valid;
    deepN = mux(deepFirst, lit(0, 7), mux(big, limit, grow.asUInt().resize(7)));
    return mNewR.shl(xf).sub(regNext("t_x", x).sext(mBits + xf)).asUInt();
  }

  /**
   * The signed term p x significand << (exponent - 1), negated when v is negative: {@code positive}
   * (the default's magnitude) with a carry-chain negation; deep and deep-compact in three stages
   * from p and v's fields: the product's carry-save rows (registered with the shift and sign),
   * their add and the shift (registered), then the sign: deep-compact a log-depth negation, deep
   * together with the acc window's offset-binary offset ({@link OffsetBinaryTerm}, no carry chain).
   */
  private SInt signed(AttentionShape s, int d, Fp8Unpack u, UInt p, SInt positive) {
    int w = positive.width();
    if (!s.deep()) {
      return mux(u.sign, positive.neg().trunc(w), positive);
    }
    int ew = u.exponent.width();
    int pw = p.width() + u.significand.width();
    java.util.List<UInt> rows =
        io.hardformer.generators.arithmetic.CarrySave.reduce(
            io.hardformer.generators.arithmetic.CarrySave.productRows(p, u.significand, pw), 2, 0);
    java.util.List<UInt> registered = new java.util.ArrayList<>();
    for (int k = 0; k < rows.size(); k++) {
      registered.add(regNext("term_rows" + d + "_" + k, rows.get(k)));
    }
    UInt product = io.hardformer.generators.arithmetic.CarrySave.resolve(registered);
    UInt shift = regNext("term_shift" + d, u.exponent.sub(lit(1, ew)).trunc(ew));
    Bool sign = regNext("term_sign" + d, u.sign, false);
    UInt m = regNext("term_mag" + d, product.zext(w - 1).shiftLeft(shift).zext(w));
    Bool neg = regNext("term_neg" + d, sign, false);
    if (!s.windows()) { // deep-compact: the two's complement term
      return mux(neg, io.hardformer.generators.floating.FixedToFloat.negated(m), m).asSInt();
    }
    if (d == 0) {
      windowControl(s);
    }
    // the acc window's addend: the signed term plus its offset-binary offset, in one stage, built
    // here (not a module per lane) so that synthesis buffers win_below's fanout to the lanes
    String name = "term_offset" + d + "_";
    return OffsetBinaryTerm.build(m, neg, windowBelow, s.accBits(), name, this::lit).asSInt();
  }

  /**
   * The windows' control ({@code --pipeline deep}), registers beside the term's sign stage, a cycle
   * before the terms that are the windows' addends: the beat's n (clamped for each window), first
   * and valid, delayed from {@link #deepT}, and the mask of the bits below W - 1 - n for the acc
   * terms' offset ({@link OffsetBinaryTerm}).
   */
  private void windowControl(AttentionShape s) {
    int lag = s.deepTLag() + 2;
    int wa = s.accBits();
    UInt n = delay("win_n_d", deepN, lag);
    Bool first = delay("win_first_d", deepFirst, lag, false);
    UInt nA = clamp(n, wa - 1);
    io.hardformer.dsl.Data<?>[] below = new io.hardformer.dsl.Data<?>[wa];
    below[0] = first; // the top bit: never below j
    for (int p = 0; p < wa - 1; p++) { // bit p: p < W - 1 - n, or the beat is a first one
      below[wa - 1 - p] = first.or(nA.lt(lit(wa - 1 - p, nA.width())));
    }
    windowBelow =
        regNext("win_below", ((Bool) below[0]).cat(java.util.Arrays.copyOfRange(below, 1, wa)));
    accWindowShift = regNext("win_n_acc", nA.resize(bitsFor(wa)));
    lWindowShift = regNext("win_n_l", clamp(n, s.sumBits()).resize(bitsFor(s.sumBits())));
    windowFirst = regNext("win_first", first, false);
    windowValid = regNext("win_valid", delay("win_valid_d", maxValid, lag + 1, false), false);
  }

  /** min(n, limit) in bitsFor(limit) bits. */
  private UInt clamp(UInt n, int limit) {
    int b = Math.max(n.width(), bitsFor(limit));
    UInt wide = n.zext(b);
    return mux(wide.gt(lit(limit, b)), lit(limit, b), wide).resize(bitsFor(limit));
  }

  /**
   * The accumulation with {@code --pipeline deep}: l and the acc lanes each in a {@link
   * RescalingWindow} (no shifter in the loop; the acc terms carry the offset-binary offset), then
   * {@link #deepDivider} on l registered after the window's readout (the rotation and the leading
   * zeros do not fit one cycle). The bad flag is kept where the default keeps it and delayed to
   * acc's cycle. Returns true.
   */
  private boolean deepAccumulate(
      AttentionShape s, SInt[] terms, UInt pv, Bool valid, Bool first, Bool badBeat) {
    int wl = s.sumBits();
    int wa = s.accBits();
    RescalingWindow lWindow = instance("l_window", new RescalingWindow(wl, 1, false));
    RescalingWindow accWindow = instance("acc_window", new RescalingWindow(wa, terms.length, true));
    lWindow.shift.assign(lWindowShift);
    accWindow.shift.assign(accWindowShift);
    for (RescalingWindow w : java.util.List.of(lWindow, accWindow)) {
      w.valid.assign(windowValid);
      w.first.assign(windowFirst);
    }
    lWindow.addend.get(0).assign(pv.zext(wl));
    for (int d = 0; d < terms.length; d++) { // each term with the offset added (offset-binary)
      accWindow.addend.get(d).assign(terms[d].asUInt());
      acc.get(d).assign(accWindow.value.get(d).asSInt());
    }
    Bool badAcc = reg("bad_acc", false);
    when(valid, () -> badAcc.next(mux(first, badBeat, badAcc.or(badBeat))));
    bad.assign(delay("bad_d", badAcc, RescalingWindow.LATENCY - 1, false)); // beside acc
    return deepDivider(s, regNext("l_value", lWindow.value.get(0)));
  }

  /**
   * The normalize and the reciprocal with {@code --pipeline deep} (the default's are the
   * constructor's code after its call, which returns): l's leading zeros are counted in a cycle of
   * their own ({@link AttentionShape#DEEP_RESOLVE_STAGES}), so the {@code norm} cycle only shifts,
   * and the divider is non-restoring: r' = 2r - l_norm when r >= 0, else 2r + l_norm, with r in
   * [-l_norm, l_norm). Its quotient bit, r' >= 0, is the restoring divider's (r' is the restoring
   * remainder when the bit is 1 and that remainder minus l_norm when it is 0), so the reciprocal is
   * the same floor(2^(L+25) / l_norm); the step decides add or subtract from r's sign, a register,
   * instead of a 66-bit compare in front of the multiplexer. Returns true.
   */
  private boolean deepDivider(AttentionShape s, UInt l) {
    int sumBits = s.sumBits();
    int r = AttentionShape.RECIPROCAL_BITS;
    UInt lzNext = regNext("l_lz_next", l.clz());
    UInt lNorm = reg("l_norm", HwType.uint(sumBits), 0);
    UInt lzR = reg("l_lz", HwType.uint(lzNext.width()), 0);
    UInt rem = reg("rem", HwType.uint(sumBits + 1), 0); // two's complement
    UInt quotient = reg("quotient", HwType.uint(r), 0);
    UInt doubled = rem.shl(1);
    UInt divisor = lNorm.zext(sumBits + 2);
    UInt next =
        mux(
            rem.msb(),
            doubled.add(divisor).trunc(sumBits + 2),
            doubled.sub(divisor).trunc(sumBits + 2));
    when(
            norm,
            () -> {
              lNorm.next(l.shiftLeft(lzNext));
              lzR.next(lzNext);
              rem.next(lit(BigInteger.ONE.shiftLeft(sumBits - 2), sumBits + 1));
              quotient.next(lit(0, r));
            })
        .elseWhen(
            div,
            () -> {
              rem.next(next.trunc(sumBits + 1));
              quotient.next(quotient.trunc(r - 1).cat(next.msb().not()));
            });
    recip.assign(quotient);
    lz.assign(lzR);
    return true;
  }

  @Override
  public String kindName() {
    return "attention_head";
  }
}

package io.hardformer.generators.array;

import io.hardformer.dsl.Bool;
import io.hardformer.dsl.HwType;
import io.hardformer.dsl.Module;
import io.hardformer.dsl.SInt;
import io.hardformer.dsl.UInt;
import io.hardformer.generators.floating.FixedToFloat;
import io.hardformer.generators.floating.Fp32AccumulatorAdder;
import io.hardformer.generators.fp8.ExactDotTree;
import io.hardformer.generators.fp8.FloatPacker;
import io.hardformer.generators.numerics.Fp8Format;

/**
 * A dot-product cell of the FMA array: L products per beat ({@code x_in} and {@code w_in} carry L
 * FP8 codes, lane l in bits [8l+7:8l]), summed exactly by an {@link ExactDotTree}, then accumulated
 * once per beat. The pass-through registers are those of {@link FmaCell}, L codes wide; in exact
 * mode they are also the tree's product stage ({@link FmaArrayShape#productsFromPassThrough}).
 *
 * <ul>
 *   <li>{@code exact}: the lane sum is added to a wide fixed-point sum, as in {@link FmaCell}.
 *   <li>{@code fp32}: the lane sum is rounded once to FP32 (RNE, {@link FixedToFloat}), then added
 *       to the FP32 running sum (RNE, {@link Fp32AccumulatorAdder}), starting from -0.
 *   <li>{@code fixed}: the lane sum T is aligned to its own leading bit and kept to B fraction bits
 *       (two's-complement truncation, i.e. toward -Inf) in a registered stage; the running sum M (B
 *       + 2 bits, value M x 2^q) then takes both operands to the larger quantum q, adds, and shifts
 *       right once more when the sum leaves B + 2 bits (a running maximum exponent that only
 *       grows). With promotion every N products the running sum is rounded to FP32 every N / L
 *       beats and added to an FP32 sum (RNE); without, the column rounds it once at the end.
 * </ul>
 *
 * <p>Latency from {@code x_in} to {@code hold}: {@link FmaArrayShape#cellLatency()}.
 */
public final class FmaDotCell extends Module {
  private static final long NEGATIVE_ZERO = 0x80000000L;

  public final UInt xIn;
  public final UInt wIn;
  public final Bool validIn = in("valid_in");
  public final Bool lastIn = in("last_in");
  public final UInt xOut;
  public final UInt wOut;
  public final Bool validOut = out("valid_out");
  public final Bool lastOut = out("last_out");
  public final UInt hold;

  public FmaDotCell(FmaArrayShape s) {
    Fp8Format f = s.format();
    int lanes = s.lanes();
    param("format", f.cliName());
    param("acc", s.mode().cliName());
    param("lanes", lanes);
    param("sum_bits", s.sumBits());
    if (s.mode() == AccumulationMode.FIXED || s.rowsOwnInputRegisters()) {
      optionalParams(s);
    }
    xIn = in("x_in", 8 * lanes);
    wIn = in("w_in", 8 * lanes);
    xOut = out("x_out", 8 * lanes);
    wOut = out("w_out", 8 * lanes);
    hold = out("hold", s.holdBits());
    UInt xR = regNext("x_r", xIn);
    UInt wR = regNext("w_r", wIn);
    Bool validR = regNext("valid_r", validIn, false);
    Bool lastR = regNext("last_r", lastIn, false);
    xOut.assign(xR);
    wOut.assign(wR);
    validOut.assign(validR);
    lastOut.assign(lastR);

    Bool valid;
    Bool last;
    ExactDotTree tree;
    if (s.productsFromPassThrough()) {
      // the pass-through registers are the product stage: same latency, no product registers
      tree = instance("tree", new ExactDotTree(f, lanes, false));
      tree.a.assign(xR);
      tree.b.assign(wR);
      tree.inValid.assign(validR);
      valid = tree.outValid;
      last = delay("tree_last", lastR.and(validR), tree.latency, false);
    } else {
      tree = instance("tree", new ExactDotTree(f, lanes));
      tree.a.assign(xIn);
      tree.b.assign(s.rowsOwnInputRegisters() ? wR : wIn); // RowPorts: w_in a cycle early
      tree.inValid.assign(validIn);
      valid = tree.outValid;
      last = delay("tree_last", lastIn.and(validIn), tree.latency, false);
    }
    int unit = 2 * f.quantumExponent();
    UInt holdReg = reg("hold_r", HwType.uint(s.holdBits()), 0);
    hold.assign(holdReg);
    switch (s.mode()) {
      case EXACT:
        exact(s, tree, valid, last, holdReg);
        break;
      case FP32:
        fp32(tree, valid, last, unit, holdReg);
        break;
      default:
        fixed(s, tree, valid, last, unit, holdReg);
    }
  }

  private void exact(FmaArrayShape s, ExactDotTree tree, Bool valid, Bool last, UInt holdReg) {
    int sumBits = s.sumBits();
    SInt acc = reg("acc", HwType.sint(sumBits), 0);
    Bool accNan = reg("acc_nan", false);
    Bool accPos = reg("acc_pos_inf", false);
    Bool accNeg = reg("acc_neg_inf", false);
    SInt sum = acc.add(tree.sum.sext(sumBits)).trunc(sumBits);
    Bool nan = accNan.or(tree.nan);
    Bool pos = accPos.or(tree.posInf);
    Bool neg = accNeg.or(tree.negInf);
    when(
            valid.and(last),
            () -> {
              holdReg.next(nan.cat(pos, neg, sum));
              acc.next(slit(0, sumBits));
              accNan.next(bool(false));
              accPos.next(bool(false));
              accNeg.next(bool(false));
            })
        .elseWhen(
            valid,
            () -> {
              acc.next(sum);
              accNan.next(nan);
              accPos.next(pos);
              accNeg.next(neg);
            });
  }

  private void fp32(ExactDotTree tree, Bool valid, Bool last, int unit, UInt holdReg) {
    FixedToFloat round =
        instance("lane_round", new FixedToFloat(tree.sum.width(), unit, FloatPacker.FP32));
    round.sum.assign(tree.sum);
    round.nan.assign(tree.nan);
    round.posInf.assign(tree.posInf);
    round.negInf.assign(tree.negInf);
    Bool v = delay("round_valid", valid, FixedToFloat.LATENCY, false);
    Bool l = delay("round_last", last, FixedToFloat.LATENCY, false);
    addIntoFp32("acc", round.out, v, l, holdReg);
  }

  /** {@code acc += code} (an FP32 code) with RNE on valid; on last the sum goes to hold. */
  private void addIntoFp32(String name, UInt code, Bool valid, Bool last, UInt holdReg) {
    Fp32AccumulatorAdder adder = instance(name + "_adder", new Fp32AccumulatorAdder(24));
    UInt exponent = code.bits(30, 23);
    UInt fraction = code.bits(22, 0);
    Bool special = exponent.andR();
    adder.pSign.assign(code.bit(31));
    adder.pExponent.assign(exponent);
    adder.pSignificand.assign(lit(1, 1).cat(fraction));
    adder.pZero.assign(exponent.isZero());
    adder.pNan.assign(special.and(fraction.orR()));
    adder.pInf.assign(special.and(fraction.orR().not()));
    UInt acc = reg(name, HwType.uint(32), NEGATIVE_ZERO);
    adder.acc.assign(acc);
    when(
            valid.and(last),
            () -> {
              holdReg.next(adder.sum);
              acc.next(lit(NEGATIVE_ZERO, 32));
            })
        .elseWhen(valid, () -> acc.next(adder.sum));
  }

  private void fixed(
      FmaArrayShape s, ExactDotTree tree, Bool valid, Bool last, int unit, UInt holdReg) {
    int b = s.accBits();
    int m = b + 2;
    int qBits = s.quantumBits();
    int t = tree.sum.width();

    // align stage: q_t = max(0, msb(|T|) - B), T' = T >> q_t (floor), registered
    SInt term = tree.sum;
    UInt magnitude = mux(term.isNegative(), term.neg().trunc(t).asUInt(), term.asUInt());
    UInt lz = magnitude.clz().named("term_lz");
    int top = t - 1 - b; // q_t = top - lz when positive
    UInt topLit = lit(Math.max(top, 0), qBits + 1);
    UInt lzWide = lz.resize(qBits + 1);
    Bool aligned = top > 0 ? lzWide.lt(topLit) : bool(false);
    UInt qTerm = mux(aligned, topLit.sub(lzWide).trunc(qBits), lit(0, qBits)).named("q_term");
    SInt shifted = term.shiftRight(qTerm.resize(Math.max(1, bitsFor(t)))).resize(m);
    SInt termR = regNext("a_term", shifted);
    UInt qTermR = regNext("a_q", qTerm);
    Bool nanR = regNext("a_nan", tree.nan);
    Bool posR = regNext("a_pos_inf", tree.posInf);
    Bool negR = regNext("a_neg_inf", tree.negInf);
    Bool validR = regNext("a_valid", valid, false);
    Bool lastR = regNext("a_last", last, false);

    // accumulate: the larger quantum wins; one more shift when the sum leaves B + 2 bits
    SInt acc = reg("acc", HwType.sint(m), 0);
    UInt q = reg("acc_q", HwType.uint(qBits), 0);
    Bool accNan = reg("acc_nan", false);
    Bool accPos = reg("acc_pos_inf", false);
    Bool accNeg = reg("acc_neg_inf", false);
    Bool termBigger = qTermR.gt(q).named("term_bigger");
    UInt qMax = mux(termBigger, qTermR, q).named("q_max");
    UInt accShift = clampedShift(qMax.sub(q).trunc(qBits), m);
    UInt termShift = clampedShift(qMax.sub(qTermR).trunc(qBits), m);
    SInt total =
        acc.shiftRight(accShift).add(termR.shiftRight(termShift)).named("acc_total"); // m + 1
    Bool overflow = total.bit(m).xor(total.bit(m - 1)).named("acc_overflow");
    SInt nextSum = mux(overflow, total.bits(m, 1).asSInt(), total.trunc(m)).named("acc_next");
    UInt nextQ = qMax.add(overflow.asUInt()).trunc(qBits).named("acc_next_q");
    Bool nan = accNan.or(nanR);
    Bool pos = accPos.or(posR);
    Bool neg = accNeg.or(negR);
    UInt chunk = nan.cat(pos, neg, nextQ, nextSum);

    Bool boundary = lastR;
    if (s.promotes()) {
      int beatsPerChunk = s.promoteEvery() / s.lanes();
      if (beatsPerChunk > 1) {
        int countBits = bitsFor(beatsPerChunk - 1);
        UInt count = reg("chunk_count", HwType.uint(countBits), 0);
        Bool full = count.eq(lit(beatsPerChunk - 1, countBits));
        when(validR.and(lastR.or(full)), () -> count.next(lit(0, countBits)))
            .elseWhen(validR, () -> count.next(count.inc()));
        boundary = lastR.or(full);
      } else {
        boundary = bool(true);
      }
    }
    Bool restart = validR.and(boundary);
    when(
            restart,
            () -> {
              acc.next(slit(0, m));
              q.next(lit(0, qBits));
              accNan.next(bool(false));
              accPos.next(bool(false));
              accNeg.next(bool(false));
            })
        .elseWhen(
            validR,
            () -> {
              acc.next(nextSum);
              q.next(nextQ);
              accNan.next(nan);
              accPos.next(pos);
              accNeg.next(neg);
            });
    if (!s.promotes()) {
      when(validR.and(lastR), () -> holdReg.next(chunk));
      return;
    }
    // promotion: the finished chunk is rounded to FP32 and added to the FP32 running sum
    UInt chunkReg = reg("chunk", HwType.uint(chunk.width()), 0);
    Bool chunkValid = regNext("chunk_valid", restart, false);
    Bool chunkLast = regNext("chunk_last", validR.and(lastR), false);
    when(restart, () -> chunkReg.next(chunk));
    FixedToFloat round =
        instance("chunk_round", new FixedToFloat(m, unit, FloatPacker.FP32, qBits));
    round.sum.assign(chunkReg.bits(m - 1, 0).asSInt());
    round.expAdjust.assign(chunkReg.bits(m + qBits - 1, m));
    round.negInf.assign(chunkReg.bit(m + qBits));
    round.posInf.assign(chunkReg.bit(m + qBits + 1));
    round.nan.assign(chunkReg.bit(m + qBits + 2));
    Bool v = delay("promote_valid", chunkValid, FixedToFloat.LATENCY, false);
    Bool l = delay("promote_last", chunkLast, FixedToFloat.LATENCY, false);
    addIntoFp32("promoted", round.out, v, l, holdReg);
  }

  /** {@code amount}, clamped to m - 1 (an arithmetic shift by m - 1 or more leaves the sign). */
  private UInt clampedShift(UInt amount, int m) {
    int bits = bitsFor(m - 1);
    if (amount.width() <= bits) {
      return amount;
    }
    Bool big = amount.gt(lit(m - 1, amount.width()));
    return mux(big, lit(m - 1, bits), amount.trunc(bits));
  }

  /**
   * {@code promote_every} in fixed mode, {@code row_ports} with {@code --row-ports registered}: a
   * method of its own so that the constructor's lines, which the emitted Verilog cites, stay put.
   */
  private void optionalParams(FmaArrayShape s) {
    if (s.mode() == AccumulationMode.FIXED) {
      param("promote_every", s.promoteEvery());
    }
    if (s.rowsOwnInputRegisters()) {
      param("row_ports", s.rowPorts().cliName());
    }
  }

  @Override
  public String kindName() {
    return "fma_dot_cell";
  }
}

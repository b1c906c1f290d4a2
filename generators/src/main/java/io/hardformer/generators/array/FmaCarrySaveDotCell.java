package io.hardformer.generators.array;

import io.hardformer.dsl.Bool;
import io.hardformer.dsl.HwType;
import io.hardformer.dsl.Module;
import io.hardformer.dsl.UInt;
import io.hardformer.generators.fp8.Fp8ExactProductStages;
import io.hardformer.generators.numerics.Fp8Format;
import java.util.ArrayList;
import java.util.List;

/**
 * The exact-mode dot-product cell of {@code --pipeline deep --lanes L} (L = 2..16): L products per
 * beat, each in two registered stages ({@link Fp8ExactProductStages}: multiply, then shift and
 * one's complement), then a carry-save compressor tree of 3:2 levels ({@link
 * #TREE_LEVELS_PER_STAGE} per registered stage) that takes the L terms to two words, then the loop:
 * the running sum in carry-save form (S, C: n bits each, value (S + C) mod 2^n) takes the two words
 * through two full-adder levels, {@code (S, C, T0) -> (s1, c1)}, {@code (s1, c1, T1) -> (S', C')}.
 * No stage holds a carry chain.
 *
 * <p>The +1 of each negative product's two's complement enters in a free low bit: every 3:2 row
 * shifts its carry word left by one, and the tree's L - 2 rows and the loop's two take the L
 * products' {@code negate} bits. So (S + C) mod 2^n equals the default exact cell's running sum
 * after every beat, and results are bit-exact to {@link MatmulGolden}'s exact mode.
 *
 * <p>{@code hold}: {nan, pos_inf, neg_inf, S, C}, 2n + 3 bits, as {@link FmaCarrySaveCell}; latency
 * from {@code x_in} to {@code hold}: {@link #latency(int)}. Pass-through registers and markers as
 * in {@link FmaDotCell}.
 */
public final class FmaCarrySaveDotCell extends Module {
  /** 3:2 levels between registers in the compressor tree. */
  public static final int TREE_LEVELS_PER_STAGE = 2;

  public final UInt xIn;
  public final UInt wIn;
  public final Bool validIn = in("valid_in");
  public final Bool lastIn = in("last_in");
  public final UInt xOut;
  public final UInt wOut;
  public final Bool validOut = out("valid_out");
  public final Bool lastOut = out("last_out");
  public final UInt hold;

  public FmaCarrySaveDotCell(Fp8Format f, int lanes, int sumBits, RowPorts rowPorts) {
    if (lanes < 2) {
      throw new IllegalArgumentException("a carry-save dot cell has 2 or more lanes, got " + lanes);
    }
    param("format", f.cliName());
    param("lanes", lanes);
    params(sumBits, rowPorts);
    int n = sumBits;
    xIn = in("x_in", 8 * lanes);
    wIn = in("w_in", 8 * lanes);
    xOut = out("x_out", 8 * lanes);
    wOut = out("w_out", 8 * lanes);
    hold = out("hold", FmaCarrySaveCell.holdBits(n));
    xOut.assign(regNext("x_r", xIn));
    wOut.assign(regNext("w_r", wIn));
    validOut.assign(regNext("valid_r", validIn, false));
    lastOut.assign(regNext("last_r", lastIn, false));
    // product stage 1 shares the pass-through valid and last registers; stage 2 has its own
    Bool valid = regNext("p_valid", validOut, false);
    Bool last = regNext("p_last", lastOut, false);

    List<UInt> words = new ArrayList<>();
    List<Bool> negates = new ArrayList<>();
    List<Bool> nans = new ArrayList<>();
    List<Bool> pos = new ArrayList<>();
    List<Bool> neg = new ArrayList<>();
    for (int l = 0; l < lanes; l++) {
      Fp8ExactProductStages p = instance("lane" + l, new Fp8ExactProductStages(f));
      p.a.assign(xIn.bits(8 * l + 7, 8 * l));
      p.b.assign((rowPorts == RowPorts.REGISTERED ? wOut : wIn).bits(8 * l + 7, 8 * l));
      words.add(p.term.asSInt().sext(n).asUInt());
      negates.add(p.negate);
      nans.add(p.nan);
      pos.add(p.posInf);
      neg.add(p.negInf);
    }
    Bool anyNan = orAll(nans);
    Bool anyPos = orAll(pos);
    Bool anyNeg = orAll(neg);

    // compressor tree: groups of three words -> sum and carry, until two words are left
    int level = 0;
    int stage = 0;
    while (words.size() > 2) {
      List<UInt> next = new ArrayList<>();
      int i = 0;
      for (; i + 2 < words.size(); i += 3) {
        UInt a = words.get(i);
        UInt b = words.get(i + 1);
        UInt c = words.get(i + 2);
        next.add(a.xor(b).xor(c).named("t" + level + "_s" + i / 3));
        next.add(carryWord(a, b, c, negates.remove(0)).named("t" + level + "_c" + i / 3));
      }
      for (; i < words.size(); i++) {
        next.add(words.get(i));
      }
      words = next;
      level++;
      if (level % TREE_LEVELS_PER_STAGE == 0 || words.size() <= 2) {
        List<UInt> staged = new ArrayList<>();
        for (int w = 0; w < words.size(); w++) {
          staged.add(regNext("t" + stage + "_w" + w, words.get(w)));
        }
        words = staged;
        // data and flags without reset (the valid marker gates their use): a reset net reaching
        // every bit of a wide cell is slow when the design keeps its hierarchy
        List<Bool> pending = new ArrayList<>();
        for (int b = 0; b < negates.size(); b++) {
          pending.add(regNext("t" + stage + "_negate" + b, negates.get(b)));
        }
        negates = pending;
        anyNan = regNext("t" + stage + "_nan", anyNan);
        anyPos = regNext("t" + stage + "_pos_inf", anyPos);
        anyNeg = regNext("t" + stage + "_neg_inf", anyNeg);
        valid = regNext("t" + stage + "_valid", valid, false);
        last = regNext("t" + stage + "_last", last, false);
        stage++;
      }
    }

    // the loop: two full-adder levels take T0 and T1 into (S, C)
    UInt s = reg("acc_sum", HwType.uint(n), 0);
    UInt c = reg("acc_carry", HwType.uint(n), 0);
    Bool accNan = reg("acc_nan", false);
    Bool accPos = reg("acc_pos_inf", false);
    Bool accNeg = reg("acc_neg_inf", false);
    UInt s1 = s.xor(c).xor(words.get(0)).named("csa1_sum");
    UInt c1 = carryWord(s, c, words.get(0), negates.get(0)).named("csa1_carry");
    UInt nextS = s1.xor(c1).xor(words.get(1)).named("csa_sum");
    UInt nextC = carryWord(s1, c1, words.get(1), negates.get(1)).named("csa_carry");
    Bool nan = accNan.or(anyNan);
    Bool posInf = accPos.or(anyPos);
    Bool negInf = accNeg.or(anyNeg);
    UInt holdReg = reg("hold_r", HwType.uint(hold.width()), 0);
    hold.assign(holdReg);
    Bool v = valid;
    when(
            v.and(last),
            () -> {
              holdReg.next(nan.cat(posInf, negInf, nextS, nextC));
              s.next(lit(0, n));
              c.next(lit(0, n));
              accNan.next(bool(false));
              accPos.next(bool(false));
              accNeg.next(bool(false));
            })
        .elseWhen(
            v,
            () -> {
              s.next(nextS);
              c.next(nextC);
              accNan.next(nan);
              accPos.next(posInf);
              accNeg.next(negInf);
            });
  }

  /** maj(a, b, c) shifted left by one, with {@code low} in the freed bit 0 (mod 2^n). */
  private static UInt carryWord(UInt a, UInt b, UInt c, Bool low) {
    int n = a.width();
    UInt majority = a.and(b).or(a.and(c)).or(b.and(c));
    return n == 1 ? low.asUInt() : majority.trunc(n - 1).cat(low);
  }

  private static Bool orAll(List<Bool> flags) {
    Bool r = flags.get(0);
    for (int i = 1; i < flags.size(); i++) {
      r = r.or(flags.get(i));
    }
    return r;
  }

  /** 3:2 levels that take L words to two. */
  public static int treeLevels(int lanes) {
    int words = lanes;
    int levels = 0;
    while (words > 2) {
      words = 2 * (words / 3) + words % 3;
      levels++;
    }
    return levels;
  }

  /** Registered stages of the compressor tree: ceil(levels / {@link #TREE_LEVELS_PER_STAGE}). */
  public static int treeStages(int lanes) {
    return (treeLevels(lanes) + TREE_LEVELS_PER_STAGE - 1) / TREE_LEVELS_PER_STAGE;
  }

  /** Cycles from {@code x_in} to {@code hold}: two product stages, the tree, the loop. */
  public static int latency(int lanes) {
    return Fp8ExactProductStages.LATENCY + treeStages(lanes) + 1;
  }

  /** {nan, pos_inf, neg_inf, S, C}: 2n + 3 bits. */
  public static int holdBits(int sumBits) {
    return FmaCarrySaveCell.holdBits(sumBits);
  }

  /**
   * The cell of {@code --row-ports wired}: products of {@code x_in} and {@code w_in}. With {@link
   * RowPorts#REGISTERED}, {@code w_in} comes a cycle early and the products take the cell's own
   * weight register ({@code w_out}), as in {@link FmaCell}.
   */
  public FmaCarrySaveDotCell(Fp8Format f, int lanes, int sumBits) {
    this(f, lanes, sumBits, RowPorts.WIRED);
  }

  /**
   * {@code sum_bits}, and {@code row_ports} for {@link RowPorts#REGISTERED}: a method of its own so
   * that the constructor's lines, which the emitted Verilog cites, stay put.
   */
  private void params(int sumBits, RowPorts rowPorts) {
    param("sum_bits", sumBits);
    if (rowPorts == RowPorts.REGISTERED) {
      param("row_ports", rowPorts.cliName());
    }
  }

  @Override
  public String kindName() {
    return "fma_csa_dot_cell";
  }
}

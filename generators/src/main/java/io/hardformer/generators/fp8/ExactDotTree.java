package io.hardformer.generators.fp8;

import io.hardformer.dsl.Bool;
import io.hardformer.dsl.HwType;
import io.hardformer.dsl.Module;
import io.hardformer.dsl.SInt;
import io.hardformer.dsl.UInt;
import io.hardformer.generators.catalog.LaneUnits;
import io.hardformer.generators.numerics.Fp8Arithmetic;
import io.hardformer.generators.numerics.Fp8Format;
import io.hardformer.generators.numerics.IntLog2;
import io.hardformer.generators.pipelining.ReductionPipelining;
import java.util.ArrayList;
import java.util.List;

/**
 * The exact sum of N FP8 products as a signed fixed-point integer in units of the smallest product
 * (2^-18 E4M3, 2^-32 E5M2), {@code window + ceil(log2 N) + 1} bits, with the products'
 * special-value flags (NaN operand or Inf x 0; +Inf and -Inf products seen). Pipeline: registered
 * products, then an adder tree registered as {@link ReductionPipelining} says: latency {@code 1 +
 * ceil(ceil(log2 N) / 2)}, II 1; {@link #latency} counts the stages as they are built.
 *
 * <p>Without registered products ({@code registeredProducts} false, for a caller whose operands
 * already come from registers) the products feed the first tree level directly: one stage and
 * {@code 37 N} (E4M3) flip-flops fewer, at the cost of a longer first stage (multiplier and two
 * adder levels).
 */
public final class ExactDotTree extends Module {
  public final Bool inValid = in("in_valid");
  public final UInt a;
  public final UInt b;
  public final SInt sum;
  public final Bool nan = out("nan");
  public final Bool posInf = out("pos_inf");
  public final Bool negInf = out("neg_inf");
  public final Bool outValid = out("out_valid");

  /** Register stages from {@code in_valid} to {@code out_valid}, counted while building them. */
  public final int latency;

  public ExactDotTree(Fp8Format f, int lanes) {
    this(f, lanes, true);
  }

  /**
   * @param registeredProducts false: no register stage between the multipliers and the tree
   */
  public ExactDotTree(Fp8Format f, int lanes, boolean registeredProducts) {
    this(f, lanes, registeredProducts, LaneUnits.BUILT);
  }

  /**
   * @param registeredProducts false: no register stage between the multipliers and the tree
   * @param laneUnits {@link LaneUnits#PORTS_ONLY}: lanes without logic, for area bills
   */
  public ExactDotTree(Fp8Format f, int lanes, boolean registeredProducts, LaneUnits laneUnits) {
    param("format", f.cliName());
    param("lanes", lanes);
    if (!registeredProducts) {
      param("registered_products", 0);
    }
    int levels = IntLog2.ceil(lanes);
    a = in("a", 8 * lanes);
    b = in("b", 8 * lanes);
    sum = out("sum", HwType.sint(Fp8Arithmetic.accumulatorBits(f, lanes)));

    // stage 1: exact products
    List<SInt> terms = new ArrayList<>();
    List<Bool> nans = new ArrayList<>();
    List<Bool> pos = new ArrayList<>();
    List<Bool> neg = new ArrayList<>();
    for (int i = 0; i < lanes; i++) {
      Fp8ExactProduct p = instance("lane" + i, new Fp8ExactProduct(f, laneUnits));
      UInt laneA = p.a;
      UInt laneB = p.b;
      SInt term = p.term;
      Bool nanOut = p.nan;
      Bool posOut = p.posInf;
      Bool negOut = p.negInf;
      laneA.assign(a.bits(8 * i + 7, 8 * i));
      laneB.assign(b.bits(8 * i + 7, 8 * i));
      terms.add(registeredProducts ? regNext("p_term" + i, term) : term);
      nans.add(nanOut);
      pos.add(posOut);
      neg.add(negOut);
    }
    Bool anyNan = orAll(nans);
    Bool anyPos = orAll(pos);
    Bool anyNeg = orAll(neg);
    Bool valid = inValid;
    int stages = 0;
    if (registeredProducts) {
      anyNan = regNext("p_nan", anyNan);
      anyPos = regNext("p_pos_inf", anyPos);
      anyNeg = regNext("p_neg_inf", anyNeg);
      valid = regNext("p_valid", valid, false);
      stages = 1;
    }

    // adder tree, two levels per stage
    for (int level = 0; level < levels; level++) {
      List<SInt> next = new ArrayList<>();
      for (int i = 0; i < terms.size(); i += 2) {
        next.add(
            i + 1 < terms.size()
                ? terms.get(i).add(terms.get(i + 1))
                : terms.get(i).sext(terms.get(i).width() + 1));
      }
      terms = next;
      if (ReductionPipelining.registeredAfter(level, levels)) {
        stages++;
        List<SInt> staged = new ArrayList<>();
        for (int i = 0; i < terms.size(); i++) {
          staged.add(regNext("t" + level + "_sum" + i, terms.get(i)));
        }
        terms = staged;
        anyNan = regNext("t" + level + "_nan", anyNan);
        anyPos = regNext("t" + level + "_pos_inf", anyPos);
        anyNeg = regNext("t" + level + "_neg_inf", anyNeg);
        valid = regNext("t" + level + "_valid", valid, false);
      }
    }

    sum.assign(terms.get(0));
    nan.assign(anyNan);
    posInf.assign(anyPos);
    negInf.assign(anyNeg);
    outValid.assign(valid);
    latency = stages;
  }

  /** The latency of a tree of {@code lanes} lanes without building it: products, then the tree. */
  public static int latency(int lanes) {
    return latency(lanes, true);
  }

  /** The latency of a tree with or without its product register stage. */
  public static int latency(int lanes, boolean registeredProducts) {
    return (registeredProducts ? 1 : 0) + ReductionPipelining.stages(IntLog2.ceil(lanes));
  }

  private Bool orAll(List<Bool> flags) {
    Bool r = flags.get(0);
    for (int i = 1; i < flags.size(); i++) {
      r = r.or(flags.get(i));
    }
    return r;
  }

  // ---- the carry-save tree (attention --pipeline deep). Below the default tree's code, whose
  // lines the emitted Verilog cites: that Verilog stays byte-identical.

  /** 3:2 compressor levels between registers in the carry-save tree. */
  public static final int CARRY_SAVE_LEVELS_PER_STAGE = 6;

  /** Lane flags one register of the carry-save tree's flag ORs takes. */
  public static final int FLAGS_PER_STAGE = 8;

  /** Set by the carry-save constructor only: the module kind. */
  private boolean carrySave;

  /**
   * The default tree ({@code new ExactDotTree(f, lanes, true, laneUnits)}), or with {@code
   * carrySave} the carry-save tree: the same ports and the same sum and flags, bit for bit, with no
   * stage longer than six full-adder levels (or one adder of the sum's width) at any lane count
   * (kind {@code exact_dot_tree_carry_save}, latency {@link #carrySaveLatency}).
   *
   * @param laneUnits {@link LaneUnits#PORTS_ONLY}: lanes without logic, for area bills
   */
  public static ExactDotTree of(Fp8Format f, int lanes, boolean carrySave, LaneUnits laneUnits) {
    return carrySave
        ? new ExactDotTree(f, lanes, laneUnits)
        : new ExactDotTree(f, lanes, true, laneUnits);
  }

  /**
   * The carry-save tree: each lane's term in {@link Fp8ExactTermStages} (2 stages: multiply; sign
   * and shift), then levels of 3:2 compressors ({@link
   * io.hardformer.generators.arithmetic.SignedCarrySave}), {@link #CARRY_SAVE_LEVELS_PER_STAGE}
   * between registers, until two words are left, then one stage that adds them. The lane flags are
   * ORed {@link #FLAGS_PER_STAGE} at a time in each compressor stage and the rest in the last.
   */
  private ExactDotTree(Fp8Format f, int lanes, LaneUnits laneUnits) {
    carrySave = true;
    param("format", f.cliName());
    param("lanes", lanes);
    a = in("a", 8 * lanes);
    b = in("b", 8 * lanes);
    sum = out("sum", HwType.sint(Fp8Arithmetic.accumulatorBits(f, lanes)));
    int n = sum.width();
    List<SInt> words = new ArrayList<>();
    List<Bool> nans = new ArrayList<>();
    List<Bool> pos = new ArrayList<>();
    List<Bool> neg = new ArrayList<>();
    for (int i = 0; i < lanes; i++) {
      Fp8ExactTermStages p = instance("lane" + i, new Fp8ExactTermStages(f, laneUnits));
      p.a.assign(a.bits(8 * i + 7, 8 * i));
      p.b.assign(b.bits(8 * i + 7, 8 * i));
      words.add(p.term);
      nans.add(p.nan);
      pos.add(p.posInf);
      neg.add(p.negInf);
    }
    Bool valid = delay("p_valid", inValid, Fp8ExactTermStages.LATENCY, false);
    int stages = Fp8ExactTermStages.LATENCY;
    for (int stage = 0; words.size() > 2; stage++) {
      for (int l = 0; l < CARRY_SAVE_LEVELS_PER_STAGE && words.size() > 2; l++) {
        words = io.hardformer.generators.arithmetic.SignedCarrySave.level(words, n);
      }
      List<SInt> staged = new ArrayList<>();
      for (int i = 0; i < words.size(); i++) {
        staged.add(regNext("c" + stage + "_w" + i, words.get(i)));
      }
      words = staged;
      nans = orGroups("c" + stage + "_nan", nans);
      pos = orGroups("c" + stage + "_pos_inf", pos);
      neg = orGroups("c" + stage + "_neg_inf", neg);
      valid = regNext("c" + stage + "_valid", valid, false);
      stages++;
    }
    sum.assign(
        regNext("sum_r", io.hardformer.generators.arithmetic.SignedCarrySave.resolve(words, n)));
    nan.assign(regNext("nan_r", orAll(nans)));
    posInf.assign(regNext("pos_inf_r", orAll(pos)));
    negInf.assign(regNext("neg_inf_r", orAll(neg)));
    outValid.assign(regNext("out_valid_r", valid, false));
    latency = stages + 1;
  }

  /** Flags ORed {@link #FLAGS_PER_STAGE} at a time and registered, named {@code prefix<i>}. */
  private List<Bool> orGroups(String prefix, List<Bool> flags) {
    List<Bool> next = new ArrayList<>();
    for (int i = 0; i < flags.size(); i += FLAGS_PER_STAGE) {
      List<Bool> group = flags.subList(i, Math.min(i + FLAGS_PER_STAGE, flags.size()));
      next.add(regNext(prefix + next.size(), orAll(group)));
    }
    return next;
  }

  /**
   * The latency of the carry-save tree of {@code lanes} lanes without building it: the two product
   * stages, ceil(3:2 levels / {@link #CARRY_SAVE_LEVELS_PER_STAGE}) compressor stages, the adder.
   */
  public static int carrySaveLatency(int lanes) {
    int levels = io.hardformer.generators.arithmetic.SignedCarrySave.levels(lanes);
    return Fp8ExactTermStages.LATENCY
        + (levels + CARRY_SAVE_LEVELS_PER_STAGE - 1) / CARRY_SAVE_LEVELS_PER_STAGE
        + 1;
  }

  @Override
  public String kindName() {
    return carrySave ? "exact_dot_tree_carry_save" : "exact_dot_tree";
  }
}

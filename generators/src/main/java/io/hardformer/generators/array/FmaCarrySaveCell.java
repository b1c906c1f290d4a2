package io.hardformer.generators.array;

import io.hardformer.dsl.Bool;
import io.hardformer.dsl.HwType;
import io.hardformer.dsl.Module;
import io.hardformer.dsl.UInt;
import io.hardformer.generators.fp8.Fp8ExactProductStages;
import io.hardformer.generators.numerics.Fp8Format;

/**
 * The exact-mode FMA cell of {@code --pipeline deep}: the product and its alignment shift take two
 * registered stages ({@link Fp8ExactProductStages}) before the loop, and the running sum is kept in
 * carry-save form, a sum word S and a carry word C with value (S + C) mod 2^n, so the loop is one
 * full-adder level: {@code S' = S ^ C ^ T}, {@code C' = maj(S, C, T) << 1 | negate} (the +1 of a
 * negative product's two's complement enters in C's free low bit). The value equals today's exact
 * cell's sum after every product, so the results are bit-exact to {@link MatmulGolden}'s exact
 * mode. Pass-through registers and markers as in {@link FmaCell}.
 *
 * <p>{@code hold}: {nan, pos_inf, neg_inf, S, C}, 2n + 3 bits; the column resolves S + C ({@link
 * CarrySaveResolver}) before rounding. Latency from {@code x_in} to {@code hold}: 3 cycles.
 */
public final class FmaCarrySaveCell extends Module {
  /** Cycles from {@code x_in} to {@code hold}. */
  public static final int LATENCY = Fp8ExactProductStages.LATENCY + 1;

  public final UInt xIn = in("x_in", 8);
  public final UInt wIn = in("w_in", 8);
  public final Bool validIn = in("valid_in");
  public final Bool lastIn = in("last_in");
  public final UInt xOut = out("x_out", 8);
  public final UInt wOut = out("w_out", 8);
  public final Bool validOut = out("valid_out");
  public final Bool lastOut = out("last_out");
  public final UInt hold;

  public FmaCarrySaveCell(Fp8Format f, int sumBits, RowPorts rowPorts) {
    param("format", f.cliName());
    param("sum_bits", sumBits);
    hold = out("hold", holdBits(sumBits));
    xOut.assign(regNext("x_r", xIn));
    wOut.assign(regNext("w_r", wIn));
    validOut.assign(regNext("valid_r", validIn, false));
    lastOut.assign(regNext("last_r", lastIn, false));
    // stage 1 shares the pass-through valid and last registers; stage 2 has its own
    Bool valid = regNext("p_valid", validOut, false);
    Bool last = regNext("p_last", lastOut, false);
    Fp8ExactProductStages product = instance("product", new Fp8ExactProductStages(f));
    product.a.assign(xIn);
    product.b.assign(rowPorts == RowPorts.REGISTERED ? wOut : wIn);

    int n = sumBits;
    UInt term = product.term.asSInt().sext(n).asUInt();
    UInt s = reg("acc_sum", HwType.uint(n), 0);
    UInt c = reg("acc_carry", HwType.uint(n), 0);
    Bool accNan = reg("acc_nan", false);
    Bool accPos = reg("acc_pos_inf", false);
    Bool accNeg = reg("acc_neg_inf", false);
    UInt nextS = s.xor(c).xor(term).named("csa_sum");
    UInt majority = s.and(c).or(s.and(term)).or(c.and(term));
    UInt nextC =
        (n == 1 ? product.negate.asUInt() : majority.trunc(n - 1).cat(product.negate))
            .named("csa_carry");
    Bool nan = accNan.or(product.nan);
    Bool pos = accPos.or(product.posInf);
    Bool neg = accNeg.or(product.negInf);
    UInt holdReg = reg("hold_r", HwType.uint(hold.width()), 0);
    hold.assign(holdReg);
    when(
            valid.and(last),
            () -> {
              holdReg.next(nan.cat(pos, neg, nextS, nextC));
              s.next(lit(0, n));
              c.next(lit(0, n));
              accNan.next(bool(false));
              accPos.next(bool(false));
              accNeg.next(bool(false));
            })
        .elseWhen(
            valid,
            () -> {
              s.next(nextS);
              c.next(nextC);
              accNan.next(nan);
              accPos.next(pos);
              accNeg.next(neg);
            });
    if (rowPorts == RowPorts.REGISTERED) {
      param("row_ports", rowPorts.cliName());
    }
  }

  /**
   * The cell of {@code --row-ports wired}: the product of {@code x_in} and {@code w_in}. With
   * {@link RowPorts#REGISTERED}, {@code w_in} comes a cycle early and the product takes the cell's
   * own weight register ({@code w_out}), as in {@link FmaCell}.
   */
  public FmaCarrySaveCell(Fp8Format f, int sumBits) {
    this(f, sumBits, RowPorts.WIRED);
  }

  /** {nan, pos_inf, neg_inf, S, C}: 2n + 3 bits. */
  public static int holdBits(int sumBits) {
    return 2 * sumBits + 3;
  }

  @Override
  public String kindName() {
    return "fma_csa_cell";
  }
}

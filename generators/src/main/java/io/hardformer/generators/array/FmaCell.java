package io.hardformer.generators.array;

import io.hardformer.dsl.Bool;
import io.hardformer.dsl.HwType;
import io.hardformer.dsl.Module;
import io.hardformer.dsl.SInt;
import io.hardformer.dsl.UInt;
import io.hardformer.generators.floating.Fp32AccumulatorAdder;
import io.hardformer.generators.fp8.Fp8ExactProduct;
import io.hardformer.generators.fp8.Fp8ProductToFp32;
import io.hardformer.generators.numerics.Fp8Format;

/**
 * One FP8 multiply-accumulate cell of the FMA array. The activation (with its valid and last
 * markers) passes right and the weight passes down, one register each. Stage 1 registers the
 * product of the inputs; stage 2 accumulates it. On the beat marked last the finished sum goes to
 * {@code hold} and the accumulator restarts (FP32: from -0, the exact additive identity; exact:
 * from 0), so the next matmul starts the following cycle while {@code hold} waits to be read.
 *
 * <p>{@code hold}: FP32 mode, the FP32 code; exact mode, {nan, pos_inf, neg_inf, sum} with the sum
 * in units of the smallest product. Latency from {@code x_in} to {@code hold}: 2 cycles.
 */
public final class FmaCell extends Module {
  /**
   * FP32 -0: the exact additive identity under RNE (-0 + x = x for every x, including +0 and -0).
   */
  private static final long NEGATIVE_ZERO = 0x80000000L;

  public final UInt xIn = in("x_in", 8);
  public final UInt wIn = in("w_in", 8);
  public final Bool validIn = in("valid_in");
  public final Bool lastIn = in("last_in");
  public final UInt xOut = out("x_out", 8);
  public final UInt wOut = out("w_out", 8);
  public final Bool validOut = out("valid_out");
  public final Bool lastOut = out("last_out");
  public final UInt hold;

  public FmaCell(Fp8Format f, AccumulationMode mode, int sumBits, RowPorts rowPorts) {
    param("format", f.cliName());
    param("acc", mode.cliName());
    param("sum_bits", sumBits);
    hold = out("hold", holdBits(mode, sumBits));
    xOut.assign(regNext("x_r", xIn));
    wOut.assign(regNext("w_r", wIn));
    validOut.assign(regNext("valid_r", validIn, false));
    lastOut.assign(regNext("last_r", lastIn, false));
    // stage 1 shares the pass-through valid and last registers
    Bool valid = validOut;
    Bool last = lastOut;
    UInt holdReg = reg("hold_r", HwType.uint(hold.width()), 0);
    hold.assign(holdReg);
    if (mode == AccumulationMode.FP32) {
      Fp8ProductToFp32 product = instance("product", new Fp8ProductToFp32(f));
      product.a.assign(xIn);
      product.b.assign(rowPorts == RowPorts.REGISTERED ? wOut : wIn);
      Fp32AccumulatorAdder adder =
          instance("adder", new Fp32AccumulatorAdder(product.significand.width()));
      adder.pSign.assign(regNext("p_sign", product.sign));
      adder.pExponent.assign(regNext("p_exponent", product.exponent));
      adder.pSignificand.assign(regNext("p_significand", product.significand));
      adder.pZero.assign(regNext("p_zero", product.zero));
      adder.pNan.assign(regNext("p_nan", product.nan));
      adder.pInf.assign(regNext("p_inf", product.inf));
      UInt acc = reg("acc", HwType.uint(32), NEGATIVE_ZERO);
      adder.acc.assign(acc);
      when(
              valid.and(last),
              () -> {
                holdReg.next(adder.sum);
                acc.next(lit(NEGATIVE_ZERO, 32));
              })
          .elseWhen(valid, () -> acc.next(adder.sum));
    } else {
      Fp8ExactProduct product = instance("product", new Fp8ExactProduct(f));
      product.a.assign(xIn);
      product.b.assign(rowPorts == RowPorts.REGISTERED ? wOut : wIn);
      SInt term = regNext("p_term", product.term);
      Bool pNan = regNext("p_nan", product.nan);
      Bool pPos = regNext("p_pos_inf", product.posInf);
      Bool pNeg = regNext("p_neg_inf", product.negInf);
      SInt acc = reg("acc", HwType.sint(sumBits), 0);
      Bool accNan = reg("acc_nan", false);
      Bool accPos = reg("acc_pos_inf", false);
      Bool accNeg = reg("acc_neg_inf", false);
      SInt sum = acc.add(term.sext(sumBits)).trunc(sumBits);
      Bool nan = accNan.or(pNan);
      Bool pos = accPos.or(pPos);
      Bool neg = accNeg.or(pNeg);
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
    if (rowPorts == RowPorts.REGISTERED) {
      param("row_ports", rowPorts.cliName());
    }
  }

  /** The cell of {@code --row-ports wired}: the product of {@code x_in} and {@code w_in}. */
  public FmaCell(Fp8Format f, AccumulationMode mode, int sumBits) {
    this(f, mode, sumBits, RowPorts.WIRED);
  }

  /** Width of the finished result a cell holds for readout. */
  public static int holdBits(AccumulationMode mode, int sumBits) {
    return mode == AccumulationMode.FP32 ? 32 : sumBits + 3;
  }

  @Override
  public String kindName() {
    return "fma_cell";
  }
}

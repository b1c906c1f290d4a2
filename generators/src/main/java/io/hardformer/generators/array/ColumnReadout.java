package io.hardformer.generators.array;

import io.hardformer.dsl.HwType;
import io.hardformer.dsl.Module;
import io.hardformer.dsl.UInt;
import io.hardformer.dsl.Vec;
import io.hardformer.generators.floating.FixedToFloat;
import io.hardformer.generators.floating.Fp32ToBf16;
import io.hardformer.generators.floating.StagedFixedToFloat;
import io.hardformer.generators.fp8.FloatPacker;
import io.hardformer.generators.numerics.IntLog2;
import io.hardformer.generators.pipelining.ReductionPipelining;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one column of the FMA array: a {@code rows}-to-1 multiplexer tree over the cells' hold
 * registers, selected by the row being drained and registered after every two levels, followed by
 * the column's output unit (exact: {@link FixedToFloat}; FP32: a register, with {@link Fp32ToBf16}
 * for BF16 output). One result per cycle. Latency {@link #latency}.
 */
public final class ColumnReadout extends Module {
  public final Vec<UInt> holds;
  public final UInt row;
  public final UInt out;

  /** Cycles from the row select to the result, counted while building the stages. */
  public final int latency;

  public ColumnReadout(
      int rows, int holdBits, AccumulationMode mode, int unit, FloatPacker outFormat) {
    this(rows, holdBits, mode, unit, outFormat, 0, false);
  }

  /**
   * The readout of a column of carry-save cells: a {@link CarrySaveResolver} adds S and C of each
   * hold {nan, pos_inf, neg_inf, S, C}, then {@link StagedFixedToFloat} rounds the sum in stages.
   */
  public static ColumnReadout carrySave(int rows, int sumBits, int unit, FloatPacker outFormat) {
    return new ColumnReadout(
        rows, FmaCarrySaveCell.holdBits(sumBits), AccumulationMode.EXACT, unit, outFormat, 0, true);
  }

  /**
   * The readout of a column of {@code fixed} cells without promotion: each hold is {nan, pos_inf,
   * neg_inf, q, M} and the output unit rounds M x 2^(unit + q) once ({@link FixedToFloat} with an
   * exponent adjustment).
   */
  public static ColumnReadout fixed(
      int rows, int sumBits, int quantumBits, int unit, FloatPacker outFormat) {
    return new ColumnReadout(
        rows,
        sumBits + quantumBits + 3,
        AccumulationMode.FIXED,
        unit,
        outFormat,
        quantumBits,
        false);
  }

  private ColumnReadout(
      int rows,
      int holdBits,
      AccumulationMode mode,
      int unit,
      FloatPacker outFormat,
      int quantumBits,
      boolean carrySave) {
    param("rows", rows);
    param("acc", mode.cliName());
    param("hold_bits", holdBits);
    param("out_format", outFormat.cliName());
    holds = inVec("hold", rows, HwType.uint(holdBits));
    row = in("row", rowBits(rows));
    out = out("out", outFormat.width());

    List<UInt> level = new ArrayList<>(holds);
    UInt select = row;
    int levels = IntLog2.ceil(rows);
    int stages = 0;
    for (int l = 0; l < levels; l++) {
      List<UInt> next = new ArrayList<>();
      for (int i = 0; i < level.size(); i += 2) {
        next.add(
            i + 1 < level.size()
                ? mux(select.bit(l), level.get(i + 1), level.get(i))
                : level.get(i));
      }
      level = next;
      if (ReductionPipelining.registeredAfter(l, levels)) {
        stages++;
        List<UInt> staged = new ArrayList<>();
        for (int i = 0; i < level.size(); i++) {
          staged.add(regNext("m" + l + "_" + i, level.get(i)));
        }
        level = staged;
        select = regNext("m" + l + "_row", select);
      }
    }
    UInt picked = level.get(0);
    if (mode == AccumulationMode.FIXED) {
      int sumBits = holdBits - 3 - quantumBits;
      FixedToFloat rounding =
          instance("rounding", new FixedToFloat(sumBits, unit, outFormat, quantumBits));
      rounding.sum.assign(picked.bits(sumBits - 1, 0).asSInt());
      rounding.expAdjust.assign(picked.bits(sumBits + quantumBits - 1, sumBits));
      rounding.nan.assign(picked.bit(holdBits - 1));
      rounding.posInf.assign(picked.bit(holdBits - 2));
      rounding.negInf.assign(picked.bit(holdBits - 3));
      out.assign(rounding.out);
      stages += FixedToFloat.LATENCY;
    } else if (mode == AccumulationMode.EXACT && carrySave) {
      int sumBits = (holdBits - 3) / 2;
      CarrySaveResolver resolver = instance("resolver", new CarrySaveResolver(sumBits));
      resolver.a.assign(picked.bits(2 * sumBits - 1, sumBits));
      resolver.b.assign(picked.bits(sumBits - 1, 0));
      UInt flags = delay("resolver_flags", picked.bits(holdBits - 1, 2 * sumBits), resolver.stages);
      StagedFixedToFloat rounding = instance("rounding", staged(sumBits, unit, outFormat));
      rounding.sum.assign(resolver.sum.asSInt());
      rounding.nan.assign(flags.bit(2));
      rounding.posInf.assign(flags.bit(1));
      rounding.negInf.assign(flags.bit(0));
      out.assign(rounding.out);
      stages += resolver.stages + rounding.stages;
    } else if (mode == AccumulationMode.EXACT) {
      int sumBits = holdBits - 3;
      FixedToFloat rounding = instance("rounding", new FixedToFloat(sumBits, unit, outFormat));
      rounding.sum.assign(picked.bits(sumBits - 1, 0).asSInt());
      rounding.nan.assign(picked.bit(sumBits + 2));
      rounding.posInf.assign(picked.bit(sumBits + 1));
      rounding.negInf.assign(picked.bit(sumBits));
      out.assign(rounding.out);
      stages += FixedToFloat.LATENCY;
    } else if (outFormat == FloatPacker.BF16) {
      Fp32ToBf16 rounding = instance("rounding", new Fp32ToBf16());
      rounding.in.assign(picked);
      out.assign(regNext("out_r", rounding.out));
      stages++;
    } else {
      out.assign(regNext("out_r", picked));
      stages++;
    }
    latency = stages;
  }

  /** Cycles from the row select to the result: the tree's stages plus the output unit. */
  public static int latency(int rows, AccumulationMode mode) {
    int treeStages = ReductionPipelining.stages(IntLog2.ceil(rows));
    return treeStages + (mode == AccumulationMode.FP32 ? 1 : FixedToFloat.LATENCY);
  }

  /**
   * The output unit of a carry-save column (cells {@link FmaCarrySaveCell}, {@link
   * FmaCarrySaveDotCell}).
   */
  private static StagedFixedToFloat staged(int sumBits, int unit, FloatPacker outFormat) {
    return new StagedFixedToFloat(sumBits, unit, outFormat);
  }

  /**
   * Cycles from the row select to the result in a carry-save column: the tree, the resolver and the
   * staged output unit.
   */
  public static int carrySaveLatency(int rows, int sumBits) {
    return ReductionPipelining.stages(IntLog2.ceil(rows))
        + CarrySaveResolver.latency(sumBits)
        + StagedFixedToFloat.latency(sumBits);
  }

  public static int rowBits(int rows) {
    return Math.max(1, IntLog2.ceil(rows));
  }

  @Override
  public String kindName() {
    return "fma_column_readout";
  }
}

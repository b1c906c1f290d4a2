package io.hardformer.generators.array;

import io.hardformer.dsl.Module;
import io.hardformer.generators.catalog.BillOfMaterials;
import io.hardformer.generators.catalog.BillOfMaterials.Gate;
import io.hardformer.generators.catalog.BillOfMaterials.GateKind;
import io.hardformer.generators.catalog.BillOfMaterials.Item;
import io.hardformer.generators.catalog.BillOfMaterials.Part;
import io.hardformer.generators.catalog.BillOfMaterials.SynthesizedUnit;
import io.hardformer.generators.floating.FixedToFloat;
import io.hardformer.generators.floating.Fp32ToBf16;
import io.hardformer.generators.floating.StagedFixedToFloat;
import io.hardformer.generators.fp8.FloatPacker;
import io.hardformer.generators.numerics.Fp8Format;
import io.hardformer.generators.numerics.IntLog2;
import io.hardformer.generators.pipelining.ReductionPipelining;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What an FMA array is made of, by count, for the area model: R x C cells and C column output units
 * (rows of the synthesized unit table), and, as library gates, the readout multiplexers and their
 * pipeline registers, the input and skew registers and the control. The pass-through registers that
 * leave the array's right and bottom edges are removed by synthesis, so the bill removes them too
 * (a negative count), except where the cell's lane tree multiplies them ({@link
 * FmaArrayShape#productsFromPassThrough}).
 */
public final class FmaArrayBill {
  /** The unit-table row of the BF16 rounding after an FP32 column. */
  public static final String BF16_KEY = "fp32_to_bf16";

  /**
   * The {@code --max-k} values whose exact units the bundled table holds: the smallest, the default
   * and the largest.
   */
  public static final int[] CALIBRATED_MAX_K = {1, FmaArray.DEFAULT_MAX_K, FmaArrayShape.MAX_MAX_K};

  private FmaArrayBill() {}

  public static BillOfMaterials of(FmaArrayShape s) {
    long r = s.rows();
    long c = s.cols();
    int holdBits = s.holdBits();
    List<Part> parts = new ArrayList<>();
    parts.add(
        Part.of(
            "cells",
            new SynthesizedUnit(cellKey(s), r * c, "cell"),
            new Gate(
                GateKind.FLIP_FLOP, s.productsFromPassThrough() ? 0 : -8L * s.lanes() * (r + c))));
    List<Item> outputs = new ArrayList<>();
    if (s.carrySave()) {
      outputs.add(new SynthesizedUnit(resolverKey(s.sumBits()), c));
      outputs.add(new Gate(GateKind.FLIP_FLOP, c * 3L * CarrySaveResolver.latency(s.sumBits())));
    }
    if (s.carrySave()) {
      outputs.add(new SynthesizedUnit(stagedOutputKey(s), c));
    } else if (s.holdKind() != AccumulationMode.FP32) {
      outputs.add(new SynthesizedUnit(outputKey(s), c));
    } else {
      if (s.outFormat() == FloatPacker.BF16) {
        outputs.add(new SynthesizedUnit(BF16_KEY, c));
      }
      outputs.add(new Gate(GateKind.FLIP_FLOP, c * s.outFormat().width()));
    }
    parts.add(new Part("columnOutputs", outputs));
    parts.add(
        Part.of(
            "readoutMultiplexers",
            new Gate(GateKind.MUX2, c * (r - 1) * holdBits),
            new Gate(GateKind.FLIP_FLOP, c * readoutRegisterBits(s.rows(), holdBits))));
    parts.add(
        Part.of(
            "inputAndSkewRegisters",
            new Gate(GateKind.FLIP_FLOP, dataSkewBits(s)),
            new Gate(GateKind.RESET_FLIP_FLOP, markerBits(s))));
    parts.add(Part.of("control", new Gate(GateKind.COUNTER_BIT, controlBits(s))));
    return new BillOfMaterials(
        parts,
        "per-unit Yosys synthesis (hardformer_nand2.lib, unit-areas.tsv) x counts + edge "
            + "logic; within 10% of a full synthesis at 2x2, 4x4 and 8x8");
  }

  /**
   * Pipeline register bits of one column's readout tree: the row select and the hold values at each
   * registered level.
   */
  public static long readoutRegisterBits(int rows, int holdBits) {
    int levels = IntLog2.ceil(rows);
    int rowBits = ColumnReadout.rowBits(rows);
    long bits = 0;
    int n = rows;
    for (int l = 0; l < levels; l++) {
      n = (n + 1) / 2;
      if (ReductionPipelining.registeredAfter(l, levels)) {
        bits += (long) n * holdBits + rowBits;
      }
    }
    return bits;
  }

  private static long dataSkewBits(FmaArrayShape s) {
    long r = s.rows();
    long c = s.cols();
    return 8L * s.lanes() * ((r + c) + (r * (r - 1) / 2 + c * (c - 1) / 2));
  }

  private static long markerBits(FmaArrayShape s) {
    long r = s.rows();
    // --row-ports registered: row 0 has its own copy of the valid and last input registers, which
    // the array keeps for the other rows' skew chains (the data registers only move)
    long rowZeroCopy = s.rowsOwnInputRegisters() && r > 1 ? 2 : 0;
    return 2 + 2 * (r * (r - 1) / 2) + 2L * s.readoutLatency() + 2 + s.cellExtra() + rowZeroCopy;
  }

  private static long controlBits(FmaArrayShape s) {
    int g = s.minimumSpacing();
    int gapBits = Module.bitsFor(g);
    return gapBits + ColumnReadout.rowBits(s.rows());
  }

  public static String cellKey(Fp8Format f, AccumulationMode mode, int sumBits) {
    return "fma_cell format="
        + f.cliName()
        + " acc="
        + mode.cliName()
        + (mode == AccumulationMode.EXACT ? " sum_bits=" + sumBits : "");
  }

  /**
   * The unit-table row of a shape's cell: today's {@code fma_cell} rows for lanes 1 exact and fp32,
   * else an {@code fma_dot_cell} row by format, mode, lanes, whether it promotes, and sum bits
   * (fixed: B + 2; between tabled B the table interpolates).
   */
  public static String cellKey(FmaArrayShape s) {
    if (s.carrySave()) {
      return s.lanes() == 1
          ? carrySaveCellKey(s.format(), s.sumBits())
          : carrySaveDotCellKey(s.format(), s.lanes(), s.sumBits());
    }
    if (!s.dotCells()) {
      return cellKey(s.format(), s.mode(), s.sumBits());
    }
    return "fma_dot_cell format="
        + s.format().cliName()
        + " acc="
        + s.mode().cliName()
        + " lanes="
        + s.lanes()
        + (s.mode() == AccumulationMode.FIXED ? " promotes=" + s.promotes() : "")
        + (s.mode() == AccumulationMode.FP32 ? "" : " sum_bits=" + s.sumBits());
  }

  /** The unit-table row of a {@code --pipeline deep} cell ({@link FmaCarrySaveCell}). */
  public static String carrySaveCellKey(Fp8Format f, int sumBits) {
    return "fma_csa_cell format=" + f.cliName() + " sum_bits=" + sumBits;
  }

  /**
   * The unit-table row of a {@code --pipeline deep --lanes L} cell ({@link FmaCarrySaveDotCell}).
   */
  public static String carrySaveDotCellKey(Fp8Format f, int lanes, int sumBits) {
    return "fma_csa_dot_cell format=" + f.cliName() + " lanes=" + lanes + " sum_bits=" + sumBits;
  }

  /** The unit-table row of a carry-save column's output unit ({@link StagedFixedToFloat}). */
  public static String stagedOutputKey(FmaArrayShape s) {
    return "staged_fixed_to_float sum_bits="
        + s.sumBits()
        + " unit="
        + 2 * s.format().quantumExponent()
        + " out="
        + s.outFormat().cliName();
  }

  /** The unit-table row of a column's {@link CarrySaveResolver}. */
  public static String resolverKey(int sumBits) {
    return "carry_save_resolver sum_bits=" + sumBits;
  }

  public static String outputKey(FmaArrayShape s) {
    return "fixed_to_float sum_bits="
        + s.sumBits()
        + " unit="
        + 2 * s.format().quantumExponent()
        + " out="
        + s.outFormat().cliName()
        + (s.holdKind() == AccumulationMode.FIXED ? " adjust_bits=" + s.quantumBits() : "");
  }

  /**
   * The dot-cell configurations of the bundled table, both formats (docs/BENCHMARKS.md reports
   * E4M3).
   */
  public static List<FmaArrayShape> calibratedDotCells() {
    List<FmaArrayShape> shapes = new ArrayList<>();
    for (Fp8Format f : Fp8Format.values()) {
      FmaArrayShape base = FmaArrayShape.of(1, 1, f, AccumulationMode.FP32, FloatPacker.FP32);
      shapes.add(base.withFixed(13, 0));
      shapes.add(base.withFixed(13, 128));
      FmaArrayShape exact = FmaArrayShape.of(1, 1, f, AccumulationMode.EXACT, FloatPacker.FP32);
      for (int lanes : new int[] {2, 4, 8, 16}) {
        shapes.add(exact.withLanes(lanes));
        shapes.add(base.withLanes(lanes));
        shapes.add(base.withLanes(lanes).withFixed(13, 0));
        shapes.add(base.withLanes(lanes).withFixed(13, 128));
      }
    }
    return shapes;
  }

  /**
   * The units of {@code --pipeline deep} at one format and max K: the carry-save cell, the column's
   * resolver and staged output units and, at the default max K, the cells of 2 to 16 lanes.
   */
  public static Map<String, Supplier<Module>> carrySaveUnits(Fp8Format f, int maxK) {
    int sumBits =
        new FmaArrayShape(1, 1, f, AccumulationMode.EXACT, FloatPacker.FP32, maxK).sumBits();
    Map<String, Supplier<Module>> m = new LinkedHashMap<>();
    m.put(carrySaveCellKey(f, sumBits), () -> new FmaCarrySaveCell(f, sumBits));
    m.put(resolverKey(sumBits), () -> new CarrySaveResolver(sumBits));
    for (FloatPacker out : FloatPacker.values()) {
      FmaArrayShape s = new FmaArrayShape(1, 1, f, AccumulationMode.EXACT, out, maxK);
      m.put(
          stagedOutputKey(s), () -> new StagedFixedToFloat(sumBits, 2 * f.quantumExponent(), out));
    }
    if (maxK == FmaArray.DEFAULT_MAX_K) {
      // other max K are derived from these rows (proportional to the sum's width)
      for (int lanes : new int[] {2, 4, 8, 16}) {
        int l = lanes;
        m.put(carrySaveDotCellKey(f, lanes, sumBits), () -> new FmaCarrySaveDotCell(f, l, sumBits));
      }
    }
    return m;
  }

  /**
   * The units of the bundled table, by key: every cell and output unit at the default max K, and
   * the exact cells and output units at the smallest and largest max K, between which other values
   * are interpolated.
   */
  public static Map<String, Supplier<Module>> calibrationUnits() {
    Map<String, Supplier<Module>> m = new LinkedHashMap<>();
    for (Fp8Format f : Fp8Format.values()) {
      for (int maxK : CALIBRATED_MAX_K) {
        for (AccumulationMode mode :
            new AccumulationMode[] {AccumulationMode.EXACT, AccumulationMode.FP32}) {
          FmaArrayShape s = new FmaArrayShape(1, 1, f, mode, FloatPacker.FP32, maxK);
          m.putIfAbsent(cellKey(f, mode, s.sumBits()), () -> new FmaCell(f, mode, s.sumBits()));
        }
        m.putAll(carrySaveUnits(f, maxK));
        for (FloatPacker out : FloatPacker.values()) {
          FmaArrayShape s = new FmaArrayShape(1, 1, f, AccumulationMode.EXACT, out, maxK);
          m.put(outputKey(s), () -> new FixedToFloat(s.sumBits(), 2 * f.quantumExponent(), out));
        }
      }
    }
    m.put(BF16_KEY, Fp32ToBf16::new);
    for (FmaArrayShape s : calibratedDotCells()) {
      m.putIfAbsent(cellKey(s), () -> new FmaDotCell(s));
      if (s.holdKind() == AccumulationMode.FIXED) {
        for (FloatPacker out : FloatPacker.values()) {
          FmaArrayShape o =
              new FmaArrayShape(
                  1, 1, s.format(), s.mode(), out, s.maxK(), s.lanes(), s.accBits(), 0);
          m.putIfAbsent(
              outputKey(o),
              () ->
                  new FixedToFloat(
                      o.sumBits(), 2 * o.format().quantumExponent(), out, o.quantumBits()));
        }
      }
    }
    return m;
  }
}

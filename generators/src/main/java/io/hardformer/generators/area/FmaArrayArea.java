package io.hardformer.generators.area;

import io.hardformer.dsl.Module;
import io.hardformer.generators.area.UnitAreaTable.UnitArea;
import io.hardformer.generators.array.AccumulationMode;
import io.hardformer.generators.array.ColumnReadout;
import io.hardformer.generators.array.FmaArray;
import io.hardformer.generators.array.FmaArrayShape;
import io.hardformer.generators.array.FmaCell;
import io.hardformer.generators.floating.FixedToFloat;
import io.hardformer.generators.floating.Fp32ToBf16;
import io.hardformer.generators.fp8.FloatPacker;
import io.hardformer.generators.numerics.Fp8Format;
import io.hardformer.generators.numerics.IntLog2;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The FMA array's area from FMA counts: {@code R x C x (synthesized cell)} plus the edge logic, which is
 * C column output units (synthesized) and, counted from the structure at the library's cell areas, the
 * readout multiplexers and their pipeline registers, the input and skew registers and the control.
 * Synthesis removes the pass-through registers that leave the array's right and bottom edges, and so
 * does this estimate.
 */
public final class FmaArrayArea {
  /** {@code hardformer_nand2.lib}: DFF, MUX2, AND2 (a synchronous reset), one incrementer bit. */
  static final double DFF = 5.67;
  static final double MUX2 = 2.33;
  static final double RESET_GATE = 1.33;
  static final double COUNTER_BIT = 8.0;

  private FmaArrayArea() {}

  /** The area figures of an array at a density (million transistors per mm^2). */
  public static AreaFigures estimate(FmaArrayShape s, UnitAreaTable table, double density) {
    Map<String, Double> parts = breakdown(s, table);
    double total = parts.values().stream().mapToDouble(Double::doubleValue).sum();
    return new AreaFigures(s.fmaCount(), registerBits(s, table), total, density,
        "per-unit Yosys synthesis (hardformer_nand2.lib, unit-areas.tsv) x counts + edge logic; within 10% of"
            + " a full synthesis at 2x2, 4x4 and 8x8");
  }

  /** NAND2 equivalents by part: cells, column outputs, readout multiplexers, registers and control. */
  public static Map<String, Double> breakdown(FmaArrayShape s, UnitAreaTable table) {
    long r = s.rows();
    long c = s.cols();
    UnitArea cell = cell(s, table);
    int holdBits = FmaCell.holdBits(s.mode(), s.sumBits());
    Map<String, Double> m = new LinkedHashMap<>();
    m.put("cells", r * c * cell.nand2() - 8 * (r + c) * DFF);
    m.put("columnOutputs", c * outputUnit(s, table));
    m.put("readoutMultiplexers", c * ((r - 1) * holdBits * MUX2 + readoutRegisterBits(s, holdBits) * DFF));
    m.put("inputAndSkewRegisters", dataSkewBits(s) * DFF + markerBits(s) * (DFF + RESET_GATE));
    m.put("control", controlBits(s) * (DFF + RESET_GATE + COUNTER_BIT));
    return m;
  }

  /** Flip-flops of the whole array, from the same counts. */
  public static long registerBits(FmaArrayShape s, UnitAreaTable table) {
    long r = s.rows();
    long c = s.cols();
    int holdBits = FmaCell.holdBits(s.mode(), s.sumBits());
    long outputFlops = s.mode() == AccumulationMode.EXACT ? table.derived(outputKey(s)).flipFlops()
        : s.outFormat().width();
    return r * c * cell(s, table).flipFlops() - 8 * (r + c) + c * (outputFlops + readoutRegisterBits(s, holdBits))
        + dataSkewBits(s) + markerBits(s) + controlBits(s);
  }

  /** One cell's synthesized cost; an exact cell of a non-tabled {@code --max-k} is derived ({@link UnitAreaTable#derived}). */
  public static UnitArea cell(FmaArrayShape s, UnitAreaTable table) {
    return table.derived(cellKey(s.format(), s.mode(), s.sumBits()));
  }

  private static double outputUnit(FmaArrayShape s, UnitAreaTable table) {
    if (s.mode() == AccumulationMode.EXACT) {
      return table.derived(outputKey(s)).nand2();
    }
    double bf16 = s.outFormat() == FloatPacker.BF16 ? table.get(BF16_KEY).nand2() : 0;
    return bf16 + s.outFormat().width() * DFF;
  }

  static long readoutRegisterBits(FmaArrayShape s, int holdBits) {
    int rows = s.rows();
    int levels = IntLog2.ceil(rows);
    int rowBits = ColumnReadout.rowBits(rows);
    long bits = 0;
    int n = rows;
    for (int l = 0; l < levels; l++) {
      n = (n + 1) / 2;
      if (l % 2 == 1 || l == levels - 1) {
        bits += (long) n * holdBits + rowBits;
      }
    }
    return bits;
  }

  private static long dataSkewBits(FmaArrayShape s) {
    long r = s.rows();
    long c = s.cols();
    return 8 * (r + c) + 8 * (r * (r - 1) / 2 + c * (c - 1) / 2);
  }

  private static long markerBits(FmaArrayShape s) {
    long r = s.rows();
    return 2 + 2 * (r * (r - 1) / 2) + 2L * s.readoutLatency() + 2;
  }

  private static long controlBits(FmaArrayShape s) {
    int g = s.minimumSpacing();
    int gapBits = 64 - Long.numberOfLeadingZeros(g);
    return gapBits + ColumnReadout.rowBits(s.rows());
  }

  public static String cellKey(Fp8Format f, AccumulationMode mode, int sumBits) {
    return "fma_cell format=" + f.cliName() + " acc=" + mode.cliName()
        + (mode == AccumulationMode.EXACT ? " sum_bits=" + sumBits : "");
  }

  static String outputKey(FmaArrayShape s) {
    return "fixed_to_float sum_bits=" + s.sumBits() + " unit=" + 2 * s.format().quantumExponent() + " out="
        + s.outFormat().cliName();
  }

  static final String BF16_KEY = "fp32_to_bf16";

  /** The {@code --max-k} values whose exact units the bundled table holds: the smallest, the default and the largest. */
  public static final int[] CALIBRATED_MAX_K = {1, FmaArray.DEFAULT_MAX_K, FmaArrayShape.MAX_MAX_K};

  /**
   * The units of the bundled table, by key: every cell and output unit at the default max K, and the exact
   * cells and output units at the smallest and largest max K, between which other values are interpolated.
   */
  public static Map<String, Supplier<Module>> calibrationUnits() {
    Map<String, Supplier<Module>> m = new LinkedHashMap<>();
    for (Fp8Format f : Fp8Format.values()) {
      for (int maxK : CALIBRATED_MAX_K) {
        for (AccumulationMode mode : AccumulationMode.values()) {
          FmaArrayShape s = new FmaArrayShape(1, 1, f, mode, FloatPacker.FP32, maxK);
          m.putIfAbsent(cellKey(f, mode, s.sumBits()), () -> new FmaCell(f, mode, s.sumBits()));
        }
        for (FloatPacker out : FloatPacker.values()) {
          FmaArrayShape s = new FmaArrayShape(1, 1, f, AccumulationMode.EXACT, out, maxK);
          m.put(outputKey(s), () -> new FixedToFloat(s.sumBits(), 2 * f.quantumExponent(), out));
        }
      }
    }
    m.put(BF16_KEY, Fp32ToBf16::new);
    return m;
  }
}

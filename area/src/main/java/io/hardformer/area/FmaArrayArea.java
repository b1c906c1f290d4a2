package io.hardformer.area;

import io.hardformer.area.UnitAreaTable.UnitArea;
import io.hardformer.dsl.Module;
import io.hardformer.generators.array.AccumulationMode;
import io.hardformer.generators.array.FmaArrayBill;
import io.hardformer.generators.array.FmaArrayShape;
import io.hardformer.generators.numerics.Fp8Format;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The FMA array's area: its bill ({@link FmaArrayBill}: R x C synthesized cells, C column output
 * units, the readout multiplexers and registers, input and skew registers and control as library
 * gates) priced by {@link AreaModel}. Analytic at any size: nothing is elaborated.
 */
public final class FmaArrayArea {
  private FmaArrayArea() {}

  /** The area figures of an array at a density (million transistors per mm^2). */
  public static AreaFigures estimate(FmaArrayShape s, UnitAreaTable table, double density) {
    return AreaModel.price(FmaArrayBill.of(s), s.fmaCount(), table, density).figures();
  }

  /**
   * NAND2 equivalents by part: cells, column outputs, readout multiplexers, registers and control.
   */
  public static Map<String, Double> breakdown(FmaArrayShape s, UnitAreaTable table) {
    return AreaModel.price(
            FmaArrayBill.of(s), s.fmaCount(), table, AreaFigures.DEFAULT_DENSITY_MTR_PER_MM2)
        .breakdown();
  }

  /** Flip-flops of the whole array, from the same counts. */
  public static long registerBits(FmaArrayShape s, UnitAreaTable table) {
    return estimate(s, table, AreaFigures.DEFAULT_DENSITY_MTR_PER_MM2).registerBits();
  }

  /**
   * One cell's synthesized cost; an exact cell of a non-tabled {@code --max-k} is derived ({@link
   * UnitAreaTable#derived}).
   */
  public static UnitArea cell(FmaArrayShape s, UnitAreaTable table) {
    return table.derived(FmaArrayBill.cellKey(s));
  }

  public static String cellKey(Fp8Format f, AccumulationMode mode, int sumBits) {
    return FmaArrayBill.cellKey(f, mode, sumBits);
  }

  /** The units of the bundled table, by key ({@link FmaArrayBill#calibrationUnits}). */
  public static Map<String, Supplier<Module>> calibrationUnits() {
    return FmaArrayBill.calibrationUnits();
  }
}

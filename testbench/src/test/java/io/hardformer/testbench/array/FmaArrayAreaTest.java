package io.hardformer.testbench.array;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hardformer.area.AreaFigures;
import io.hardformer.area.FmaArrayArea;
import io.hardformer.area.UnitAreaTable;
import io.hardformer.area.UnitAreaTable.UnitArea;
import io.hardformer.dsl.Module;
import io.hardformer.generators.array.AccumulationMode;
import io.hardformer.generators.array.FmaArray;
import io.hardformer.generators.array.FmaArrayShape;
import io.hardformer.generators.fp8.FloatPacker;
import io.hardformer.generators.numerics.Fp8Format;
import io.hardformer.rtl.EmitOptions;
import io.hardformer.rtl.VerilogEmitter;
import io.hardformer.verilator.AreaSynthesis;
import io.hardformer.verilator.SynthesizedArea;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The FMA array's area estimate (table of synthesized units x counts + edge logic) against a full
 * Yosys synthesis of the whole array at 2x2, 4x4 and 8x8, and the bundled unit table against a
 * fresh synthesis.
 */
@Tag("verilator")
class FmaArrayAreaTest {
  @Test
  void bundledUnitTableMatchesAFreshSynthesis() {
    UnitAreaTable table = UnitAreaTable.bundled();
    for (Map.Entry<String, Supplier<Module>> e : FmaArrayArea.calibrationUnits().entrySet()) {
      SynthesizedArea s =
          AreaSynthesis.synthesize(VerilogEmitter.emit(e.getValue().get(), EmitOptions.defaults()));
      assertTrue(
          table.has(e.getKey()),
          "unit table lacks "
              + e.getKey()
              + "; regenerate: ./hardformer area --calibrate --write area/src/main/resources/io/hardformer/area/unit-areas.tsv");
      UnitArea a = table.get(e.getKey());
      assertEquals(
          s.nand2Equivalents(),
          a.nand2(),
          0.01 * s.nand2Equivalents(),
          e.getKey()
              + " changed; regenerate: ./hardformer area --calibrate --write area/src/main/resources/io/hardformer/area/unit-areas.tsv");
      assertEquals(s.flipFlops(), a.flipFlops(), e.getKey() + " flip-flops");
    }
  }

  /**
   * A --max-k between the synthesized ones (1000: not a power of two) is interpolated: flip-flops
   * within 2% of a synthesis, NAND2 equivalents within 10% (ABC's results are not smooth in the
   * width: E5M2's fixed_to_float is 2393, 2371, 2555, 2629, 2890 NAND2 eq at 65, 70, 75, 78, 81
   * bits; measured errors 0.3% to 7.5%).
   */
  @ParameterizedTest(name = "{0} max-k 1000")
  @org.junit.jupiter.params.provider.EnumSource(Fp8Format.class)
  void interpolatedUnitsAreCloseToASynthesis(Fp8Format f) {
    FmaArrayShape s = new FmaArrayShape(1, 1, f, AccumulationMode.EXACT, FloatPacker.FP32, 1000);
    SynthesizedArea cell =
        AreaSynthesis.synthesize(
            VerilogEmitter.emit(
                new io.hardformer.generators.array.FmaCell(f, AccumulationMode.EXACT, s.sumBits()),
                EmitOptions.defaults()));
    SynthesizedArea output =
        AreaSynthesis.synthesize(
            VerilogEmitter.emit(
                new io.hardformer.generators.floating.FixedToFloat(
                    s.sumBits(), 2 * f.quantumExponent(), FloatPacker.FP32),
                EmitOptions.defaults()));
    UnitAreaTable table = UnitAreaTable.bundled();
    String outputKey =
        "fixed_to_float sum_bits=" + s.sumBits() + " unit=" + 2 * f.quantumExponent() + " out=fp32";
    String cellKey = FmaArrayArea.cellKey(f, AccumulationMode.EXACT, s.sumBits());
    assertTrue(
        !table.has(cellKey) && !table.has(outputKey),
        "max-k 1000 must be derived, not a table row");
    assertEquals(
        cell.nand2Equivalents(),
        table.derived(cellKey).nand2(),
        0.10 * cell.nand2Equivalents(),
        cellKey);
    assertEquals(
        cell.flipFlops(),
        table.derived(cellKey).flipFlops(),
        0.02 * cell.flipFlops(),
        cellKey + " flip-flops");
    assertEquals(
        output.nand2Equivalents(),
        table.derived(outputKey).nand2(),
        0.10 * output.nand2Equivalents(),
        outputKey);
    assertEquals(
        output.flipFlops(),
        table.derived(outputKey).flipFlops(),
        0.02 * output.flipFlops(),
        outputKey + " flip-flops");
  }

  /**
   * 2x2, 4x4, 8x8 in exact mode; fp32 at 2x2 and 4x4, and at 8x8 with {@code
   * -Dhardformer.area.full=true} (that synthesis alone takes ~8 minutes on 2 cores; its figure is
   * in docs/BENCHMARKS.md).
   */
  static Stream<Arguments> arrays() {
    Stream<Arguments> ci =
        Stream.of(
            Arguments.of(2, AccumulationMode.EXACT),
            Arguments.of(4, AccumulationMode.EXACT),
            Arguments.of(8, AccumulationMode.EXACT),
            Arguments.of(2, AccumulationMode.FP32),
            Arguments.of(4, AccumulationMode.FP32));
    return Boolean.getBoolean("hardformer.area.full")
        ? Stream.concat(ci, Stream.of(Arguments.of(8, AccumulationMode.FP32)))
        : ci;
  }

  @ParameterizedTest(name = "{0}x{0} e4m3 acc={1}")
  @MethodSource("arrays")
  void estimateIsWithinTenPercentOfFullSynthesis(int n, AccumulationMode mode) throws Exception {
    compareWithFullSynthesis(n, FmaArrayShape.of(n, n, Fp8Format.E4M3, mode, FloatPacker.FP32));
  }

  /** Dot-product cells and fixed accumulation (issue 16), 2x2 with cells of the bundled table. */
  static Stream<Arguments> dotCellArrays() {
    FmaArrayShape fp32 =
        FmaArrayShape.of(2, 2, Fp8Format.E4M3, AccumulationMode.FP32, FloatPacker.FP32);
    return Stream.of(
        Arguments.of("fixed B=13", fp32.withFixed(13, 0)),
        Arguments.of("fixed B=13 N=128", fp32.withFixed(13, 128)),
        Arguments.of("fp32 lanes 4", fp32.withLanes(4)),
        Arguments.of("fixed B=13 lanes 8", fp32.withLanes(8).withFixed(13, 0)),
        Arguments.of(
            "exact lanes 4",
            FmaArrayShape.of(2, 2, Fp8Format.E4M3, AccumulationMode.EXACT, FloatPacker.FP32)
                .withLanes(4)));
  }

  @ParameterizedTest(name = "2x2 e4m3 {0}")
  @MethodSource("dotCellArrays")
  void dotCellEstimateIsWithinTenPercentOfFullSynthesis(String name, FmaArrayShape shape)
      throws Exception {
    compareWithFullSynthesis(2, shape);
  }

  private static void compareWithFullSynthesis(int n, FmaArrayShape shape) throws Exception {
    String mode =
        shape.mode().cliName()
            + (shape.lanes() > 1 ? " lanes " + shape.lanes() : "")
            + (shape.mode() == AccumulationMode.FIXED
                ? " B " + shape.accBits() + " N " + shape.promoteEvery()
                : "");
    SynthesizedArea full =
        AreaSynthesis.synthesize(VerilogEmitter.emit(new FmaArray(shape), EmitOptions.defaults()));
    AreaFigures estimate =
        FmaArrayArea.estimate(
            shape, UnitAreaTable.bundled(), AreaFigures.DEFAULT_DENSITY_MTR_PER_MM2);
    double ratio = estimate.nand2() / full.nand2Equivalents();
    double ffRatio = (double) estimate.registerBits() / full.flipFlops();
    String row =
        String.format(
            java.util.Locale.ROOT,
            "| fma-array %dx%d e4m3 %s | %.0f | %.0f | %.3f | %d | %d |%n",
            n,
            n,
            mode,
            full.nand2Equivalents(),
            estimate.nand2(),
            ratio,
            full.flipFlops(),
            estimate.registerBits());
    Files.writeString(
        Path.of("target/area-calibration.md"),
        row,
        StandardOpenOption.CREATE,
        StandardOpenOption.APPEND);
    System.out.print(row);
    assertTrue(Math.abs(ratio - 1) <= 0.10, "estimate/synthesis = " + ratio + ": " + row);
    assertTrue(
        Math.abs(ffRatio - 1) <= 0.10,
        "register bits estimate/synthesis = " + ffRatio + ": " + row);
  }
}

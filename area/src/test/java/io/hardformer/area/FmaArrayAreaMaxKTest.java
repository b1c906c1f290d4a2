package io.hardformer.area;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hardformer.area.UnitAreaTable.UnitArea;
import io.hardformer.generators.array.AccumulationMode;
import io.hardformer.generators.array.FmaArray;
import io.hardformer.generators.array.FmaArrayShape;
import io.hardformer.generators.fp8.FloatPacker;
import io.hardformer.generators.numerics.Fp8Format;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every documented --max-k has an area: synthesized at the ends and the default, interpolated in
 * between.
 */
class FmaArrayAreaMaxKTest {
  static Stream<Arguments> shapes() {
    Stream.Builder<Arguments> b = Stream.builder();
    for (Fp8Format f : Fp8Format.values()) {
      for (AccumulationMode mode : AccumulationMode.values()) {
        for (FloatPacker out : FloatPacker.values()) {
          for (int maxK :
              new int[] {1, 1000, 1024, FmaArray.DEFAULT_MAX_K, FmaArrayShape.MAX_MAX_K}) {
            b.add(Arguments.of(f, mode, out, maxK));
          }
        }
      }
    }
    return b.build();
  }

  @ParameterizedTest(name = "{0} {1} {2} max-k {3}")
  @MethodSource("shapes")
  void everyDocumentedMaxKHasAnArea(Fp8Format f, AccumulationMode mode, FloatPacker out, int maxK) {
    FmaArrayShape s = new FmaArrayShape(4, 4, f, mode, out, maxK);
    AreaFigures a =
        FmaArrayArea.estimate(s, UnitAreaTable.bundled(), AreaFigures.DEFAULT_DENSITY_MTR_PER_MM2);
    assertTrue(a.nand2() > 0 && a.registerBits() > 0, a.toString());
  }

  @Test
  void aWiderAccumulatorCostsMoreAndTheDefaultIsTheSynthesizedRow() {
    for (Fp8Format f : Fp8Format.values()) {
      double previous = 0;
      for (int maxK : new int[] {1, 1000, 2000, FmaArray.DEFAULT_MAX_K, FmaArrayShape.MAX_MAX_K}) {
        FmaArrayShape s =
            new FmaArrayShape(4, 4, f, AccumulationMode.EXACT, FloatPacker.FP32, maxK);
        String key = FmaArrayArea.cellKey(f, AccumulationMode.EXACT, s.sumBits());
        if (UnitAreaTable.bundled().has(key)) {
          assertEquals(
              UnitAreaTable.bundled().get(key), FmaArrayArea.cell(s, UnitAreaTable.bundled()), key);
        }
        double nand2 = FmaArrayArea.estimate(s, UnitAreaTable.bundled(), 100).nand2();
        assertTrue(nand2 > previous, f + " max-k " + maxK + ": " + nand2 + " <= " + previous);
        previous = nand2;
      }
    }
  }

  @Test
  void everyCalibrationMaxKIsInTheBundledTable() {
    for (String key : FmaArrayArea.calibrationUnits().keySet()) {
      assertTrue(
          UnitAreaTable.bundled().has(key),
          "unit-areas.tsv lacks "
              + key
              + "; regenerate with ./hardformer area"
              + " --calibrate --write area/src/main/resources/io/hardformer/area/unit-areas.tsv");
    }
  }

  @Test
  void aMissingWidthIsInterpolatedBetweenItsNeighbours() {
    UnitAreaTable t =
        new UnitAreaTable(
            Map.of(
                "fixed_to_float sum_bits=40 unit=-18 out=fp32", new UnitArea(1000, 80),
                "fixed_to_float sum_bits=50 unit=-18 out=fp32", new UnitArea(1500, 90),
                "fixed_to_float sum_bits=45 unit=-32 out=fp32", new UnitArea(99999, 999)));
    UnitArea mid = t.derived("fixed_to_float sum_bits=44 unit=-18 out=fp32");
    assertEquals(1200, mid.nand2(), 1e-9);
    assertEquals(84, mid.flipFlops());
    UnitArea beyond = t.derived("fixed_to_float sum_bits=60 unit=-18 out=fp32");
    assertEquals(
        1500 * 60 / 50.0, beyond.nand2(), 1e-9, "beyond the rows: proportional to the nearest");
    assertEquals(108, beyond.flipFlops());
    assertEquals(1000, t.derived("fixed_to_float sum_bits=40 unit=-18 out=fp32").nand2());
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> t.derived("fixed_to_float sum_bits=44 unit=-9 out=bf16"));
    assertTrue(
        e.getMessage()
            .contains("no synthesized area for 'fixed_to_float sum_bits=44 unit=-9 out=bf16'"),
        e.getMessage());
  }
}

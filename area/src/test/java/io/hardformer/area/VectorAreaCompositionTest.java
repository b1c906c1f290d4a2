package io.hardformer.area;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.hardformer.dsl.elaborate.Elaborator;
import io.hardformer.generators.catalog.ConfiguredGenerator;
import io.hardformer.generators.vector.VectorGenerator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The vector unit's bill of materials (per lane one scaled adder, one exponent shift, one
 * fp8-quant, plus the delay registers) against the IR estimate of the whole elaborated unit: the
 * register bits agree exactly and the NAND2 equivalents within 2% (the bill leaves out only the
 * lane slicing and concatenation, which are wires, and the valid/last AND).
 */
class VectorAreaCompositionTest {
  @ParameterizedTest
  @CsvSource({"1, e4m3", "4, e5m2", "8, e4m3"})
  void billMatchesTheElaboratedEstimate(int lanes, String format) {
    ConfiguredGenerator<VectorGenerator.Parameters> g =
        new ConfiguredGenerator<>(
            new VectorGenerator(), new VectorGenerator.Parameters(lanes, format));
    AreaFigures composed = AreaModel.of(g, null, AreaFigures.DEFAULT_DENSITY_MTR_PER_MM2).figures();
    AreaFigures whole =
        GateEstimate.figures(
            Elaborator.elaborate(g.build()), AreaFigures.DEFAULT_DENSITY_MTR_PER_MM2);
    System.out.printf(
        "[vector area] L=%d %s: bill %.0f, elaborated %.0f NAND2 eq%n",
        lanes, format, composed.nand2(), whole.nand2());
    assertEquals(whole.registerBits(), composed.registerBits(), "register bits");
    assertEquals(whole.nand2(), composed.nand2(), 0.02 * whole.nand2());
  }
}

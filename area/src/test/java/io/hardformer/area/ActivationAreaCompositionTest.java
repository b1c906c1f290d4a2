package io.hardformer.area;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.hardformer.dsl.elaborate.Elaborator;
import io.hardformer.generators.activation.GeluGenerator;
import io.hardformer.generators.activation.SwigluGenerator;
import io.hardformer.generators.catalog.ConfiguredGenerator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The gelu and swiglu areas composed from parts (the unit with one lane + L - 1 lanes) equal the IR
 * estimate of the whole elaborated unit: outside its lanes a unit has only the shared valid and
 * last delays, which the one-lane unit already holds.
 */
class ActivationAreaCompositionTest {
  @ParameterizedTest
  @CsvSource({"1, e4m3", "3, e5m2", "8, e4m3"})
  void geluComposedIsTheElaboratedEstimate(int lanes, String format) {
    check(
        new ConfiguredGenerator<>(new GeluGenerator(), new GeluGenerator.Parameters(lanes, format)),
        "gelu",
        lanes);
  }

  @ParameterizedTest
  @CsvSource({"1, e4m3", "3, e5m2", "8, e4m3"})
  void swigluComposedIsTheElaboratedEstimate(int lanes, String format) {
    check(
        new ConfiguredGenerator<>(
            new SwigluGenerator(), new SwigluGenerator.Parameters(lanes, format)),
        "swiglu",
        lanes);
  }

  private static void check(ConfiguredGenerator<?> g, String name, int lanes) {
    AreaFigures composed = AreaModel.of(g, null, AreaFigures.DEFAULT_DENSITY_MTR_PER_MM2).figures();
    AreaFigures whole =
        GateEstimate.figures(
            Elaborator.elaborate(g.build()), AreaFigures.DEFAULT_DENSITY_MTR_PER_MM2);
    System.out.printf(
        "[%s area] L=%d: composed %.0f, elaborated %.0f NAND2 eq, %d register bits%n",
        name, lanes, composed.nand2(), whole.nand2(), whole.registerBits());
    assertEquals(whole.registerBits(), composed.registerBits(), "register bits");
    assertEquals(whole.nand2(), composed.nand2(), 1e-9 * whole.nand2());
  }
}

package io.hardformer.area;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.hardformer.dsl.elaborate.Elaborator;
import io.hardformer.generators.catalog.ConfiguredGenerator;
import io.hardformer.generators.fp8.Fp8DotGenerator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * fp8-dot's area bill (the dot with port-only lanes + N priced products, never N products built)
 * against the IR estimate of the whole elaborated design: the same FMA count, register bits, NAND2
 * equivalents and method, at sizes where the whole design is cheap to build.
 */
class Fp8DotAreaCompositionTest {
  @ParameterizedTest
  @CsvSource({
    "e4m3, 1, fp32",
    "e4m3, 2, bf16",
    "e5m2, 3, fp32",
    "e4m3, 8, fp32",
    "e5m2, 17, bf16",
    "e4m3, 64, bf16"
  })
  void composedEqualsTheWholeDesignEstimate(String format, int lanes, String out) {
    ConfiguredGenerator<Fp8DotGenerator.Parameters> g =
        new ConfiguredGenerator<>(
            new Fp8DotGenerator(), new Fp8DotGenerator.Parameters(format, lanes, "exact", out));
    assertFalse(g.area().isWholeDesign(), "fp8-dot is priced from its bill");
    AreaFigures composed = AreaModel.of(g, null, AreaFigures.DEFAULT_DENSITY_MTR_PER_MM2).figures();
    AreaFigures whole =
        GateEstimate.figures(
            Elaborator.elaborate(g.build()), AreaFigures.DEFAULT_DENSITY_MTR_PER_MM2);
    assertEquals(whole.fmaCount(), composed.fmaCount(), "FMAs");
    assertEquals(whole.registerBits(), composed.registerBits(), "register bits");
    assertEquals(whole.nand2(), composed.nand2(), 1e-9 * whole.nand2(), "NAND2 equivalents");
    assertEquals(whole.toManifest(), composed.toManifest(), "the area section as printed");
  }
}

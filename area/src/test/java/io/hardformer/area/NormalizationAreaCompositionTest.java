package io.hardformer.area;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hardformer.dsl.elaborate.Elaborator;
import io.hardformer.generators.catalog.ConfiguredGenerator;
import io.hardformer.generators.normalization.LayerNormGenerator;
import io.hardformer.generators.normalization.RmsNormGenerator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The layernorm and rmsnorm area composed from parts (the unit with one lane + L - 1 statistics and
 * output lanes) against the IR estimate of the whole elaborated unit: equal for one lane; with more
 * lanes it leaves out only the extra lanes' share of the lane sums and beat-max tree, stated in the
 * bill's method and bounded here.
 */
class NormalizationAreaCompositionTest {
  @ParameterizedTest
  @CsvSource({
    "layernorm, 8, 1",
    "layernorm, 8, 2",
    "layernorm, 16, 4",
    "rmsnorm, 8, 1",
    "rmsnorm, 16, 4",
    "rmsnorm, 16, 8"
  })
  void composedIsTheElaboratedEstimateLessTheExtraStatisticsLanes(
      String design, int dim, int lanes) {
    ConfiguredGenerator<?> g =
        design.equals("layernorm")
            ? new ConfiguredGenerator<>(
                new LayerNormGenerator(),
                new LayerNormGenerator.Parameters(dim, lanes, "1e-12", "e4m3"))
            : new ConfiguredGenerator<>(
                new RmsNormGenerator(),
                new RmsNormGenerator.Parameters(dim, lanes, "1e-5", "e4m3"));
    AreaFigures composed = AreaModel.of(g, null, AreaFigures.DEFAULT_DENSITY_MTR_PER_MM2).figures();
    AreaFigures whole =
        GateEstimate.figures(
            Elaborator.elaborate(g.build()), AreaFigures.DEFAULT_DENSITY_MTR_PER_MM2);
    double shortfall = (whole.nand2() - composed.nand2()) / whole.nand2();
    System.out.printf(
        "[normalization area] %s N=%d L=%d: composed %.0f, elaborated %.0f NAND2 eq (%.2f%% less)%n",
        design, dim, lanes, composed.nand2(), whole.nand2(), 100 * shortfall);
    if (lanes == 1) {
      assertEquals(whole.nand2(), composed.nand2(), 1e-6 * whole.nand2());
    } else {
      assertTrue(
          shortfall >= 0 && shortfall < 0.03,
          "composed " + composed.nand2() + " vs " + whole.nand2());
    }
  }
}

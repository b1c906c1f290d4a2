package io.hardformer.area;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hardformer.dsl.elaborate.Elaborator;
import io.hardformer.generators.attention.AttentionGenerator;
import io.hardformer.generators.catalog.ConfiguredGenerator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The attention area composed from parts (the unit with one head + G - 1 heads, never G x D lanes
 * at once) against the IR estimate of the whole elaborated unit at small sizes: equal for one head;
 * with more heads it leaves out only what the extra heads add outside a head (their q register
 * bits, 8 D per head, and the head-select multiplexers), a few percent at most; with the default
 * pipeline and with {@code --pipeline deep}.
 */
class AttentionAreaCompositionTest {
  @ParameterizedTest
  @CsvSource({
    "4, 1, e4m3, default",
    "4, 2, e4m3, default",
    "8, 3, e5m2, default",
    "16, 4, e4m3, default",
    "4, 1, e4m3, deep",
    "8, 3, e5m2, deep"
  })
  void composedIsTheElaboratedEstimateLessTheExtraHeadsGlue(
      int dim, int heads, String format, String pipeline) {
    ConfiguredGenerator<AttentionGenerator.Parameters> g =
        new ConfiguredGenerator<>(
            new AttentionGenerator(),
            new AttentionGenerator.Parameters(dim, heads, format, "bf16", 2, pipeline));
    AreaFigures composed = AreaModel.of(g, null, AreaFigures.DEFAULT_DENSITY_MTR_PER_MM2).figures();
    AreaFigures whole =
        GateEstimate.figures(
            Elaborator.elaborate(g.build()), AreaFigures.DEFAULT_DENSITY_MTR_PER_MM2);
    assertEquals(
        whole.registerBits() - 8L * dim * (heads - 1),
        composed.registerBits(),
        "only the extra q registers");
    double shortfall = (whole.nand2() - composed.nand2()) / whole.nand2();
    System.out.printf(
        "[attention area] D=%d G=%d %s %s: composed %.0f, elaborated %.0f NAND2 eq (%.2f%% less)%n",
        dim, heads, format, pipeline, composed.nand2(), whole.nand2(), 100 * shortfall);
    if (heads == 1) {
      assertEquals(whole.nand2(), composed.nand2(), 1e-6 * whole.nand2());
    } else {
      assertTrue(
          shortfall > 0 && shortfall < 0.03,
          "composed " + composed.nand2() + " vs " + whole.nand2());
    }
    assertEquals(2L * dim * heads, composed.fmaCount());
  }
}

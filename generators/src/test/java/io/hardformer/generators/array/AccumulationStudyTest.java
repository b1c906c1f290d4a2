package io.hardformer.generators.array;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hardformer.generators.array.AccumulationAccuracy.Errors;
import io.hardformer.generators.array.AccumulationAccuracy.Inputs;
import io.hardformer.generators.fp8.FloatPacker;
import io.hardformer.generators.numerics.Fp8Format;
import org.junit.jupiter.api.Test;

/**
 * The study's protocol as the explorer and the bench use it: one sample measures many
 * configurations with the figures a fresh measurement gives, and the modes rank as their numerics
 * say (exact and FP32 near FP32's rounding, fixed B = 13 far worse, promotion in between).
 */
class AccumulationStudyTest {
  private static final FmaArrayShape FP32 =
      FmaArrayShape.of(1, 1, Fp8Format.E4M3, AccumulationMode.FP32, FloatPacker.FP32);

  @Test
  void aReusedSampleGivesTheFiguresOfAFreshMeasurement() {
    AccuracySample s = AccumulationStudy.sample(Fp8Format.E4M3, Inputs.GAUSSIAN, 256, 8);
    for (FmaArrayShape c :
        new FmaArrayShape[] {
          FP32, FP32.withLanes(4), FP32.withFixed(13, 0), FP32.withFixed(13, 128)
        }) {
      assertEquals(
          AccumulationStudy.errors(c, Inputs.GAUSSIAN, 256),
          AccumulationAccuracy.measure(c, s),
          AccumulationStudy.describe(c));
    }
  }

  @Test
  void modesRankByTheirNumerics() {
    int k = 1024;
    double exact =
        max(FmaArrayShape.of(1, 1, Fp8Format.E4M3, AccumulationMode.EXACT, FloatPacker.FP32), k);
    double fp32 = max(FP32, k);
    double fixed = max(FP32.withFixed(13, 0), k);
    double promoted = max(FP32.withFixed(13, 128), k);
    assertTrue(exact <= fp32 && fp32 < 1e-6, "exact " + exact + ", fp32 " + fp32);
    assertTrue(fixed > 1e-4, "B = 13 without promotion loses ~2^-13 per truncation: " + fixed);
    assertTrue(promoted < fixed && promoted > fp32, "promotion in between: " + promoted);
  }

  @Test
  void aSampleOfAnotherFormatIsRefused() {
    AccuracySample e5 = AccumulationStudy.sample(Fp8Format.E5M2, Inputs.GAUSSIAN, 16, 2);
    assertThrows(IllegalArgumentException.class, () -> AccumulationAccuracy.measure(FP32, e5));
  }

  private static double max(FmaArrayShape c, int k) {
    Errors e = AccumulationStudy.errors(c, Inputs.GAUSSIAN, k, 8);
    return e.maxRelSumAbs();
  }
}

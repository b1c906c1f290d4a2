package io.hardformer.generators.normalization;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hardformer.generators.numerics.Fp8Format;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The accuracy contract ({@link NormalizationAccuracy}) of the bit-exact models against double
 * precision, over millions of elements: MiniLM-like layernorm rows (N = 384), Llama-like rmsnorm
 * rows (N = 512), and the largest N (8192) of both. The golden models are bit-exact with the RTL
 * ({@code testbench/.../normalization/NormalizationUnitTest}).
 */
class NormalizationAccuracyTest {
  static double layerNormRows(LayerNormShape s, int rows, long seed) {
    Random r = new Random(seed);
    double worst = 0;
    for (int i = 0; i < rows; i++) {
      int[] x = NormalizationStimulus.miniLmRow(r, s.dim());
      int[] g = NormalizationStimulus.gamma(r, s.dim());
      int[] b = NormalizationStimulus.beta(r, s.dim());
      int[] y = LayerNormGolden.row(s, x, g, b);
      worst = Math.max(worst, LayerNormAccuracy.worstFraction(s, x, g, b, y));
    }
    return worst;
  }

  static double rmsNormRows(RmsNormShape s, int rows, long seed) {
    Random r = new Random(seed);
    double worst = 0;
    for (int i = 0; i < rows; i++) {
      int[] x = NormalizationStimulus.llamaRow(r, s.dim());
      int[] g = NormalizationStimulus.gamma(r, s.dim());
      int[] y = RmsNormGolden.row(s, x, g);
      worst = Math.max(worst, RmsNormAccuracy.worstFraction(s, x, g, y));
    }
    return worst;
  }

  @Test
  void miniLmLayerNormRowsMeetTheBound() {
    double worst = layerNormRows(LayerNormShape.of(384), 4000, 1); // 1.5 M elements
    assertTrue(worst <= 1, "worst error / allowed = " + worst);
  }

  @Test
  void llamaRmsNormRowsMeetTheBound() {
    double worst = rmsNormRows(RmsNormShape.of(512), 3000, 2); // 1.5 M elements
    assertTrue(worst <= 1, "worst error / allowed = " + worst);
  }

  @Test
  void largestDimMeetsTheBound() {
    int n = NormalizationShape.MAX_DIM;
    double ln = layerNormRows(new LayerNormShape(n, 32, 1e-12f, Fp8Format.E5M2), 60, 3);
    double rms = rmsNormRows(new RmsNormShape(n, 32, 1e-5f, Fp8Format.E4M3), 60, 4);
    assertTrue(ln <= 1, "layernorm worst error / allowed = " + ln);
    assertTrue(rms <= 1, "rmsnorm worst error / allowed = " + rms);
  }

  @Test
  void largeMeanLayerNormRowsMeetTheBoundUpToThePrecondition() {
    // max|x| = 2^12 x std: an offset of about 4000 std on N(0, 1)
    LayerNormShape s = LayerNormShape.of(384);
    Random r = new Random(5);
    double worst = 0;
    for (int i = 0; i < 200; i++) {
      int[] x = new int[s.dim()];
      for (int k = 0; k < x.length; k++) {
        x[k] = Float.floatToRawIntBits((float) (4000 + r.nextGaussian()));
      }
      int[] g = NormalizationStimulus.gamma(r, s.dim());
      int[] b = NormalizationStimulus.beta(r, s.dim());
      worst =
          Math.max(
              worst, LayerNormAccuracy.worstFraction(s, x, g, b, LayerNormGolden.row(s, x, g, b)));
    }
    assertTrue(worst <= 1, "worst error / allowed = " + worst);
  }
}

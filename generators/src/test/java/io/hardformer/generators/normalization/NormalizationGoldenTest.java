package io.hardformer.generators.normalization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hardformer.generators.catalog.BadParameterException;
import io.hardformer.generators.numerics.Fp8Format;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The golden models' specials, building blocks and parameter ranges, against independently computed
 * values (double precision, exact identities).
 */
class NormalizationGoldenTest {
  static int bits(double v) {
    return Float.floatToRawIntBits((float) v);
  }

  @Test
  void inverseSquareRootIsWithin2ToMinus28OverTheWholeExponentRange() {
    Random r = new Random(11);
    double worst = 0;
    for (int i = 0; i < 200_000; i++) {
      long m = (1L << 31) | (r.nextLong() & 0x7FFFFFFFL);
      int e = r.nextInt(600) - 300;
      ExtendedFloat t = new ExtendedFloat(false, m, e);
      double want = 1 / Math.sqrt(t.toDouble());
      worst = Math.max(worst, Math.abs(InverseSquareRoot.of(t).toDouble() / want - 1));
    }
    for (long m : new long[] {1L << 31, 0xFFFFFFFFL}) {
      for (int e = -40; e < 40; e++) {
        ExtendedFloat t = new ExtendedFloat(false, m, e);
        worst =
            Math.max(
                worst, Math.abs(InverseSquareRoot.of(t).toDouble() * Math.sqrt(t.toDouble()) - 1));
      }
    }
    assertTrue(worst < Math.scalb(1.0, -28), "worst relative error " + worst);
  }

  @Test
  void extendedFloatStepsTruncateWithinOneUnitOfTheLast32Bits() {
    Random r = new Random(12);
    for (int i = 0; i < 100_000; i++) {
      ExtendedFloat a = ExtendedFloat.ofFp32(r.nextInt() & 0xBF7FFFFF);
      ExtendedFloat b = ExtendedFloat.ofFp32(r.nextInt() & 0xBF7FFFFF);
      double p = a.toDouble() * b.toDouble();
      ExtendedFloat got = a.times(b);
      assertTrue(Math.abs(got.toDouble() - p) <= Math.abs(p) * Math.scalb(1.0, -31), "times");
      assertTrue(Math.abs(got.toDouble()) <= Math.abs(p), "times truncates toward zero");
      ExtendedFloat c = ExtendedFloat.ofFp32(bits(r.nextGaussian()));
      ExtendedFloat d = ExtendedFloat.ofFp32(bits(r.nextGaussian()));
      double s = c.toDouble() + d.toDouble();
      double big = Math.max(Math.abs(c.toDouble()), Math.abs(d.toDouble()));
      assertTrue(Math.abs(c.plus(d).toDouble() - s) <= big * Math.scalb(1.0, -30), "plus");
    }
    assertEquals(0x80000000, ExtendedFloat.zero(true).plus(ExtendedFloat.zero(true)).toFp32());
    assertEquals(0, ExtendedFloat.zero(true).plus(ExtendedFloat.zero(false)).toFp32());
    assertEquals(0x3F800000, ExtendedFloat.ofFp32(0x3F800000).toFp32());
    assertEquals(0x00000001 | 0x00800000, ExtendedFloat.ofFp32(0x00800001).toFp32());
    assertEquals(0x7F800000, new ExtendedFloat(false, 0xFFFFFFFFL, 96).toFp32(), "overflow to Inf");
    assertEquals(0x80000000, new ExtendedFloat(true, 1L << 31, -160).toFp32(), "flush to -0");
  }

  @Test
  void nanOrInfInXMakesTheRowNanAndInGammaOrBetaTheElement() {
    LayerNormShape s = LayerNormShape.of(8);
    Random r = new Random(13);
    int[] x = NormalizationStimulus.miniLmRow(r, 8);
    int[] g = NormalizationStimulus.gamma(r, 8);
    int[] b = NormalizationStimulus.beta(r, 8);
    int[] inf = x.clone();
    inf[3] = 0xFF800000;
    int[] y = LayerNormGolden.row(s, inf, g, b);
    for (int v : y) {
      assertEquals(NormalizationGolden.CANONICAL_NAN, v);
    }
    int[] g2 = g.clone();
    g2[2] = 0x7F800000;
    int[] b2 = b.clone();
    b2[5] = 0xFFC00000;
    int[] y2 = LayerNormGolden.row(s, x, g2, b2);
    int[] y1 = LayerNormGolden.row(s, x, g, b);
    for (int i = 0; i < 8; i++) {
      assertEquals(
          i == 2 || i == 5 ? NormalizationGolden.CANONICAL_NAN : y1[i], y2[i], "element " + i);
    }
  }

  @Test
  void constantRowGivesBetaExactlyAndRmsNormOfOnesGivesGamma() {
    LayerNormShape s = LayerNormShape.of(384);
    Random r = new Random(14);
    int[] x = new int[384];
    Arrays.fill(x, bits(3.25));
    int[] g = NormalizationStimulus.gamma(r, 384);
    int[] b = NormalizationStimulus.beta(r, 384);
    assertEquals(Arrays.toString(b), Arrays.toString(LayerNormGolden.row(s, x, g, b)));
    RmsNormShape t = new RmsNormShape(512, 4, 0x1p-126f, Fp8Format.E4M3);
    int[] ones = new int[512];
    Arrays.fill(ones, bits(1));
    int[] g2 = NormalizationStimulus.gamma(r, 512);
    int[] y2 = RmsNormGolden.row(t, ones, g2);
    for (int i = 0; i < 512; i++) {
      assertEquals(g2[i], y2[i], "1/sqrt(1 + 2^-126) x gamma rounds to gamma, element " + i);
    }
  }

  @Test
  void everyRangeEndIsAcceptedAndOneBeyondIsRefusedNamingTheOption() {
    new LayerNormShape(1, 1, 1e-12f, Fp8Format.E4M3);
    new LayerNormShape(8192, 32, 1f, Fp8Format.E5M2);
    new RmsNormShape(8192, 1, 0x1p-126f, Fp8Format.E4M3);
    for (int dim : new int[] {384, 512, 1536}) {
      new LayerNormShape(dim, 4, 1e-12f, Fp8Format.E4M3);
    }
    assertOption("--dim", () -> new LayerNormShape(0, 1, 1e-12f, Fp8Format.E4M3));
    assertOption("--dim", () -> new LayerNormShape(8193, 1, 1e-12f, Fp8Format.E4M3));
    assertOption("--dim", () -> new RmsNormShape(10, 4, 1e-5f, Fp8Format.E4M3));
    assertOption("--lanes", () -> new RmsNormShape(64, 0, 1e-5f, Fp8Format.E4M3));
    assertOption("--lanes", () -> new RmsNormShape(66, 33, 1e-5f, Fp8Format.E4M3));
    assertOption("--eps", () -> new RmsNormShape(64, 4, 0f, Fp8Format.E4M3));
    assertOption("--eps", () -> new RmsNormShape(64, 4, 1.5f, Fp8Format.E4M3));
    assertOption("--eps", () -> NormalizationShape.parseEps("1e-x"));
    assertOption("--eps", () -> NormalizationShape.parseEps("1e-40"));
    assertEquals(Float.floatToRawIntBits(1e-12f), NormalizationShape.parseEps("1e-12"));
  }

  static void assertOption(String option, Runnable r) {
    BadParameterException e = assertThrows(BadParameterException.class, r::run);
    assertEquals(option, e.option());
    assertTrue(e.getMessage().startsWith("option '" + option + "'"), e.getMessage());
  }
}

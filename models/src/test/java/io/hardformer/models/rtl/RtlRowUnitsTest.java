package io.hardformer.models.rtl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.hardformer.generators.array.AccumulationMode;
import io.hardformer.generators.numerics.Fp8Format;
import io.hardformer.models.golden.GoldenUnits;
import io.hardformer.models.units.Activations;
import io.hardformer.models.units.CycleLedger;
import io.hardformer.models.units.TransformerUnits;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@link RtlUnits}' vector, layernorm, rmsnorm, gelu, swiglu and rope calls in Verilator against
 * {@link GoldenUnits} on random FP32 rows (MiniLM's width 384 for the row units, a width that is
 * not a multiple of the 4 lanes for the elementwise ones): y and q bit-identical, and each call's
 * measured cycles equal to the contract golden mode books, busy cycles = beats. Two calls in a row
 * on the same units reuse the open models.
 */
@Tag("verilator")
class RtlRowUnitsTest {
  private static final int ROWS = 3;

  @ParameterizedTest
  @EnumSource(
      value = Fp8Format.class,
      names = {"E4M3", "E5M2"})
  void vectorMatchesGolden(Fp8Format f) {
    Random r = new Random(11 + f.ordinal());
    int cols = 384;
    int[][] a = rows(r, ROWS, cols);
    int[][] b = rows(r, ROWS, cols);
    int[] scale = new int[cols];
    for (int c = 0; c < cols; c++) {
      scale[c] = r.nextInt(25) - 12;
    }
    compare(f, u -> u.vector("t.vector", a, scale, b, 1), "vector");
    compare(f, u -> u.vector("t.vector", a, scale, b, -3), "vector");
  }

  @ParameterizedTest
  @EnumSource(
      value = Fp8Format.class,
      names = {"E4M3"})
  void layerNormMatchesGolden(Fp8Format f) {
    Random r = new Random(5);
    int[][] x = rows(r, ROWS, 384);
    int[] gamma = rows(r, 1, 384)[0];
    int[] beta = rows(r, 1, 384)[0];
    compare(f, u -> u.layerNorm("t.layernorm", x, gamma, beta), "layernorm");
  }

  @ParameterizedTest
  @EnumSource(
      value = Fp8Format.class,
      names = {"E4M3"})
  void rmsNormMatchesGolden(Fp8Format f) {
    Random r = new Random(6);
    int[][] x = rows(r, ROWS, 384);
    int[] gamma = rows(r, 1, 384)[0];
    compare(f, u -> u.rmsNorm("t.rmsnorm", x, gamma), "rmsnorm");
  }

  @ParameterizedTest
  @EnumSource(
      value = Fp8Format.class,
      names = {"E4M3", "E5M2"})
  void geluMatchesGolden(Fp8Format f) {
    Random r = new Random(7 + f.ordinal());
    int[][] x = rows(r, 5, 37);
    compare(f, u -> u.gelu("t.gelu", x), "gelu");
  }

  @ParameterizedTest
  @EnumSource(
      value = Fp8Format.class,
      names = {"E4M3"})
  void swigluMatchesGolden(Fp8Format f) {
    Random r = new Random(8);
    int[][] gate = rows(r, 5, 37);
    int[][] up = rows(r, 5, 37);
    compare(f, u -> u.swiglu("t.swiglu", gate, up), "swiglu");
  }

  @ParameterizedTest
  @EnumSource(
      value = Fp8Format.class,
      names = {"E5M2"})
  void ropeMatchesGolden(Fp8Format f) {
    Random r = new Random(9);
    int[][] x = rows(r, 6, 32);
    int[] positions = {0, 8192, 1, 77, 4095, r.nextInt(8193)};
    compare(f, u -> u.rope("t.rope", x, positions), "rope");
  }

  /** Runs {@code call} twice on RtlUnits (one model) and once on GoldenUnits; all must agree. */
  private static void compare(
      Fp8Format f, Function<TransformerUnits, Activations> call, String unit) {
    Activations want;
    long wantCycles;
    try (GoldenUnits golden = new GoldenUnits(4, 4, f, AccumulationMode.FP32)) {
      want = call.apply(golden);
      wantCycles = golden.cycles().entries().get(0).cycles();
    }
    try (RtlUnits rtl = new RtlUnits(4, 4, f, AccumulationMode.FP32, 32)) {
      for (int run = 0; run < 2; run++) {
        Activations got = call.apply(rtl);
        assertSame(unit + " run " + run + " y", want.fp32(), got.fp32());
        assertSame(unit + " run " + run + " q", want.fp8(), got.fp8());
      }
      List<CycleLedger.Entry> e = rtl.cycles().entries();
      assertEquals(2, e.size());
      for (CycleLedger.Entry entry : e) {
        assertEquals(unit, entry.unit());
        assertEquals(wantCycles, entry.cycles(), unit + ": measured cycles against the contract");
      }
    }
  }

  private static void assertSame(String what, int[][] want, int[][] got) {
    assertEquals(want.length, got.length, what + ": rows");
    for (int t = 0; t < want.length; t++) {
      assertEquals(want[t].length, got[t].length, what + ": columns of row " + t);
      for (int c = 0; c < want[t].length; c++) {
        if (want[t][c] != got[t][c]) {
          throw new AssertionError(
              String.format(
                  "%s[%d][%d]: golden 0x%08x, rtl 0x%08x", what, t, c, want[t][c], got[t][c]));
        }
      }
    }
  }

  /** FP32 bits: Gaussians over many binades, some zeros and tiny values, both signs. */
  private static int[][] rows(Random r, int rows, int cols) {
    int[][] m = new int[rows][cols];
    for (int t = 0; t < rows; t++) {
      for (int c = 0; c < cols; c++) {
        float v =
            switch (r.nextInt(16)) {
              case 0 -> 0f;
              case 1 -> -0f;
              case 2 -> (float) (r.nextGaussian() * 1e-30);
              default -> (float) (r.nextGaussian() * Math.scalb(1.0, r.nextInt(12) - 6));
            };
        m[t][c] = Float.floatToRawIntBits(v);
      }
    }
    return m;
  }
}

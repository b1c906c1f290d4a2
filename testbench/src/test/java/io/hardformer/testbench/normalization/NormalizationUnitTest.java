package io.hardformer.testbench.normalization;

import io.hardformer.generators.normalization.NormalizationShape;
import io.hardformer.generators.normalization.NormalizationStimulus;
import io.hardformer.generators.normalization.NormalizationUnit;
import io.hardformer.generators.numerics.Fp8Format;
import io.hardformer.testbench.StreamRun;
import io.hardformer.testbench.Testbench;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code layernorm} and {@code rmsnorm} in Verilator, bit-exact against the golden models (y and q)
 * on model-like rows, specials (zeros of both signs, subnormals, max normals, NaN, Inf in x, gamma
 * and beta, constant rows) and random bit patterns, with and without input bubbles, and the cycle
 * contract measured from the cycle stamps.
 */
@Tag("verilator")
class NormalizationUnitTest {
  static java.util.stream.Stream<Arguments> configs() {
    return java.util.stream.Stream.of(
        Arguments.of(true, 16, 4, Fp8Format.E4M3),
        Arguments.of(false, 16, 4, Fp8Format.E5M2),
        Arguments.of(true, 3, 1, Fp8Format.E5M2),
        Arguments.of(false, 8, 8, Fp8Format.E4M3));
  }

  static int bits(double v) {
    return Float.floatToRawIntBits((float) v);
  }

  static List<NormalizationRows.Row> rows(NormalizationShape s, Random r, int count) {
    int n = s.dim();
    List<NormalizationRows.Row> rows = new ArrayList<>();
    int[] specials = {0, 0x80000000, 1, 0x807FFFFF, 0x00800000, 0x7F7FFFFF, 0xFF7FFFFF, 0x3F800000};
    for (int k = 0; k < count; k++) {
      int kind = k % 8;
      int[] x =
          kind % 2 == 0
              ? NormalizationStimulus.miniLmRow(r, n)
              : NormalizationStimulus.llamaRow(r, n);
      int[] g = NormalizationStimulus.gamma(r, n);
      int[] b = NormalizationStimulus.beta(r, n);
      switch (kind) {
        case 2 -> { // specials in x (finite)
          for (int i = 0; i < n; i++) {
            if (r.nextInt(3) == 0) {
              x[i] = specials[r.nextInt(specials.length)];
            }
          }
        }
        case 3 -> { // random bit patterns, no Inf/NaN
          for (int i = 0; i < n; i++) {
            x[i] = r.nextInt() & 0xFF7FFFFF;
            g[i] = r.nextInt() & 0xBF7FFFFF;
            b[i] = r.nextInt() & 0xBF7FFFFF;
          }
        }
        case 4 -> { // constant row: var = 0, eps decides
          java.util.Arrays.fill(x, bits(r.nextGaussian()));
          g[0] = 0x80000000; // -0 gamma
          b[n - 1] = 0x80000000;
        }
        case 5 -> { // NaN or Inf in x: the row is NaN
          x[r.nextInt(n)] = r.nextBoolean() ? 0x7FC00000 : 0xFF800000;
        }
        case 6 -> { // Inf gamma, NaN beta: that element is NaN
          g[r.nextInt(n)] = 0x7F800000;
          b[r.nextInt(n)] = 0x7FC00001;
        }
        case 7 -> { // subnormal-only row, zeros
          for (int i = 0; i < n; i++) {
            x[i] =
                r.nextInt(4) == 0
                    ? (r.nextBoolean() ? 0 : 0x80000000)
                    : (r.nextInt(0x800000) | (r.nextBoolean() ? 0x80000000 : 0));
          }
        }
        default -> {}
      }
      rows.add(new NormalizationRows.Row(x, g, s.centered() ? b : null));
    }
    return rows;
  }

  @ParameterizedTest(name = "centered={0} N={1} L={2} {3}")
  @MethodSource("configs")
  void bitExactAndOnTime(boolean centered, int dim, int lanes, Fp8Format f) {
    float eps = centered ? 1e-12f : 1e-5f;
    NormalizationShape s =
        new NormalizationShape(dim, lanes, centered, Float.floatToRawIntBits(eps), f);
    List<NormalizationRows.Row> rows = rows(s, new Random(dim * 31L + lanes), 400);
    NormalizationUnit dut = new NormalizationUnit(s);
    try (Testbench tb = Testbench.of(dut)) {
      for (double bubbles : new double[] {0, 0.3}) {
        tb.reset();
        StreamRun run = NormalizationRows.send(tb, dut, s, rows, bubbles);
        NormalizationRows.check(tb, s, rows, run, bubbles == 0);
      }
    }
  }
}

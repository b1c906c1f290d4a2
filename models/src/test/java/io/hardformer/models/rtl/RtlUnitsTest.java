package io.hardformer.models.rtl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.hardformer.generators.array.AccumulationMode;
import io.hardformer.generators.array.FmaArrayShape;
import io.hardformer.generators.array.MatmulGolden;
import io.hardformer.generators.attention.AttentionGolden;
import io.hardformer.generators.attention.AttentionShape;
import io.hardformer.generators.numerics.Fp8Format;
import io.hardformer.models.units.CycleLedger;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link RtlUnits} in Verilator: tiled matmuls bit-identical to {@link MatmulGolden} on the whole T
 * x N result with T not a multiple of R and N not a multiple of C, K = 384 and 1,536, both formats
 * and both accumulation modes (array shapes shared with FmaArrayTest, so the model cache builds
 * each once); attention heads bit-identical to {@link AttentionGolden} step by step; and the
 * ledger's cycles equal to the units' cycle contracts (the tiles and the steps run back to back).
 */
@Tag("verilator")
class RtlUnitsTest {

  @ParameterizedTest(name = "{0}x{1} {2} acc={3}: T={4} K={5} N={6}")
  @CsvSource({
    "5, 3, E4M3, EXACT, 12, 1536, 7",
    "3, 5, E4M3, FP32, 7, 384, 12",
    "8, 8, E5M2, FP32, 13, 384, 21",
    "4, 4, E5M2, EXACT, 6, 1536, 9"
  })
  void matmulIsBitIdenticalToTheGoldenAndOnContract(
      int rows, int cols, Fp8Format f, AccumulationMode acc, int t, int k, int n) {
    RandomCodes codes = new RandomCodes(f, rows * 31L + cols + k);
    int[][] x = codes.matrix(t, k);
    int[][] w = codes.matrix(k, n);
    try (RtlUnits units = new RtlUnits(rows, cols, f, acc, 32)) {
      FmaArrayShape shape = units.arrayShape();
      int[][] y = units.matmul("test.matmul", x, w);
      long[][] golden = MatmulGolden.multiply(shape, x, w);
      assertEquals(t, y.length, "rows of Y");
      for (int i = 0; i < t; i++) {
        for (int j = 0; j < n; j++) {
          int expected = (int) golden[i][j];
          if (y[i][j] != expected) {
            throw new AssertionError(
                String.format(
                    "%s: y[%d][%d] expected 0x%08x, got 0x%08x", shape, i, j, expected, y[i][j]));
          }
        }
      }
      MatmulTiling tiling = new MatmulTiling(rows, cols, t, k, n);
      CycleLedger.Entry e = units.cycles().entries().get(0);
      assertEquals("fma-array", e.unit());
      assertEquals("test.matmul", e.what());
      assertEquals(tiling.contractCycles(shape), e.cycles(), "cycles of the tiles back to back");
      assertEquals(tiling.beats(), e.busyCycles(), "busy cycles: K beats per tile");
    }
  }

  @Test
  void matmulsInSequenceReuseTheModelAndEachIsOnContract() {
    RandomCodes codes = new RandomCodes(Fp8Format.E4M3, 7);
    try (RtlUnits units = new RtlUnits(3, 5, Fp8Format.E4M3, AccumulationMode.FP32, 32)) {
      int[][] x1 = codes.matrix(4, 16);
      int[][] w1 = codes.matrix(16, 11);
      int[][] x2 = codes.matrix(9, 40);
      int[][] w2 = codes.matrix(40, 5);
      int[][] y1 = units.matmul("a", x1, w1);
      int[][] y2 = units.matmul("b", x2, w2);
      assertGolden(units.arrayShape(), x1, w1, y1);
      assertGolden(units.arrayShape(), x2, w2, y2);
      List<CycleLedger.Entry> e = units.cycles().entries();
      assertEquals(2, e.size());
      assertEquals(
          new MatmulTiling(3, 5, 4, 16, 11).contractCycles(units.arrayShape()), e.get(0).cycles());
      assertEquals(
          new MatmulTiling(3, 5, 9, 40, 5).contractCycles(units.arrayShape()), e.get(1).cycles());
    }
  }

  @ParameterizedTest(name = "D={0} {1}")
  @CsvSource({"32, E4M3", "32, E5M2"})
  void attentionIsBitIdenticalToTheGoldenAndOnContract(int dim, Fp8Format f) {
    RandomCodes codes = new RandomCodes(f, dim + f.ordinal());
    int s = 23;
    int t = 17;
    int[][] q = codes.bounded(t, dim, 3);
    int[][] k = codes.bounded(s, dim, 3);
    int[][] v = codes.bounded(s, dim, 6);
    int[] keys = new int[t];
    for (int i = 0; i < t; i++) {
      // causal prefixes, the full sentence, and a single key
      keys[i] = i % 3 == 0 ? s : i % 3 == 1 ? i + 1 : 1 + codes.nextInt(s);
    }
    try (RtlUnits units = new RtlUnits(4, 4, f, AccumulationMode.FP32, dim)) {
      AttentionShape shape = units.attentionShape();
      int[][] o = units.attention("test.head", q, k, v, keys);
      long expectedCycles = 0;
      for (int i = 0; i < t; i++) {
        long[] golden =
            AttentionGolden.step(
                shape, new int[][] {q[i]}, Arrays.copyOf(k, keys[i]), Arrays.copyOf(v, keys[i]))[0];
        for (int d = 0; d < dim; d++) {
          if (o[i][d] != (int) golden[d]) {
            throw new AssertionError(
                String.format(
                    "query %d (%d keys) o[%d]: expected 0x%08x, got 0x%08x",
                    i, keys[i], d, golden[d], o[i][d]));
          }
        }
        expectedCycles += i < t - 1 ? shape.stepPeriod(keys[i]) : shape.cyclesPerStep(keys[i]);
      }
      CycleLedger.Entry e = units.cycles().entries().get(0);
      assertEquals("attention", e.unit());
      assertEquals(expectedCycles, e.cycles(), "cycles of the steps back to back");
      assertEquals(Arrays.stream(keys).sum(), e.busyCycles(), "one key/value pair a busy cycle");
    }
  }

  @Test
  void badShapesFailBeforeAnyModelIsBuilt() {
    try (RtlUnits units = new RtlUnits(4, 4, Fp8Format.E4M3, AccumulationMode.FP32, 32)) {
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class,
              () -> units.matmul("layer0.q", new int[2][3], new int[4][5]));
      assertEquals("layer0.q: x[0] has 3 elements, expected 4", e.getMessage());
      int[][] q = new int[2][32];
      int[][] kv = new int[3][32];
      e =
          assertThrows(
              IllegalArgumentException.class,
              () -> units.attention("layer0.head1", q, kv, kv, new int[] {1, 4}));
      assertEquals("layer0.head1: keys[1] = 4, not in 1..3", e.getMessage());
      e =
          assertThrows(
              IllegalArgumentException.class,
              () -> units.rope("layer0.rope", new int[1][32], new int[] {8193}));
      assertEquals("layer0.rope: positions[0] = 8193, not in 0..8192", e.getMessage());
      assertEquals(0, units.cycles().entries().size());
    }
  }

  private static void assertGolden(FmaArrayShape shape, int[][] x, int[][] w, int[][] y) {
    long[][] golden = MatmulGolden.multiply(shape, x, w);
    for (int i = 0; i < x.length; i++) {
      for (int j = 0; j < w[0].length; j++) {
        assertEquals((int) golden[i][j], y[i][j], "y[" + i + "][" + j + "]");
      }
    }
  }
}

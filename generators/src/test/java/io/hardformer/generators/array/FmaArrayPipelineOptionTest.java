package io.hardformer.generators.array;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hardformer.generators.catalog.BadParameterException;
import org.junit.jupiter.api.Test;

/**
 * The {@code fma-array --pipeline} option: parsing, the modes it is built for, its cost figures.
 */
class FmaArrayPipelineOptionTest {
  private static FmaArrayGenerator.Parameters params(String acc, int lanes, String pipeline) {
    return new FmaArrayGenerator.Parameters(
        4, 4, "e4m3", acc, "fp32", 65536, lanes, 13, 0, pipeline);
  }

  @Test
  void deepExactBuildsCarrySaveCells() {
    FmaArrayShape s = params("exact", 1, "DEEP").shape();
    assertTrue(s.carrySave());
    assertEquals(FmaCarrySaveCell.LATENCY, s.cellLatency());
    assertEquals(2 * s.sumBits() + 3, s.holdBits());
    assertEquals("fma_csa_cell format=e4m3 sum_bits=53", FmaArrayBill.cellKey(s));
    FmaArrayShape base = params("exact", 1, "default").shape();
    // the readout: + the resolver's 7 stages, and the staged rounding (6) instead of 2
    assertEquals(base.readoutLatency() + 7 + 6 - 2, s.readoutLatency());
    assertEquals(base.overhead() + 1 + 7 + 4, s.overhead());
    assertEquals(
        "deep",
        new FmaArrayGenerator().parameterValues(params("exact", 1, "deep")).get("pipeline"));
    @SuppressWarnings("unchecked")
    java.util.Map<String, Object> cycles =
        (java.util.Map<String, Object>) FmaArrayManifest.sections(s).get("cycleContract");
    assertEquals(
        "C + 2 + cellExtra + readoutLatency = " + s.latency(), cycles.get("latencyFromLastBeat"));
    assertEquals(s.readoutLatency(), cycles.get("readoutLatency"));
    assertTrue(cycles.get("pipeline").toString().contains("7-stage carry-save resolver"));
    assertTrue(cycles.get("pipeline").toString().contains("6-stage rounding"));
  }

  @Test
  void deepDotCellsCostTheirTreeStages() {
    // 3:2 levels: 2 -> 0, 4 -> 2, 8 -> 4, 16 -> 6; two per registered stage
    int[][] lanesAndExtra = {{2, 1}, {4, 2}, {8, 3}, {16, 4}};
    FmaArrayShape one = params("exact", 1, "deep").shape();
    for (int[] le : lanesAndExtra) {
      FmaArrayShape s = params("exact", le[0], "deep").shape();
      assertTrue(s.carrySave());
      assertEquals(le[1], s.cellExtra(), "lanes " + le[0]);
      assertEquals(FmaCarrySaveDotCell.latency(le[0]), s.cellLatency());
      assertEquals(one.readoutLatency(), s.readoutLatency(), "the readout does not see lanes");
      assertEquals(2 * s.sumBits() + 3, s.holdBits());
      assertEquals(
          "fma_csa_dot_cell format=e4m3 lanes=" + le[0] + " sum_bits=53", FmaArrayBill.cellKey(s));
    }
    assertEquals(6, FmaCarrySaveDotCell.treeLevels(16));
    assertEquals(3, FmaCarrySaveDotCell.treeStages(16));
  }

  @Test
  void deepIsAnOptionErrorOutsideExact() {
    for (String acc : new String[] {"fp32", "fixed"}) {
      for (int lanes : new int[] {1, 4}) {
        BadParameterException e =
            assertThrows(BadParameterException.class, () -> params(acc, lanes, "deep"));
        assertEquals("--pipeline", e.option());
        assertTrue(e.getMessage().contains("--acc exact"), e.getMessage());
      }
    }
    BadParameterException e =
        assertThrows(BadParameterException.class, () -> params("exact", 1, "deeper"));
    assertEquals("--pipeline", e.option());
  }
}

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
    assertEquals(base.readoutLatency() + CarrySaveResolver.latency(53), s.readoutLatency());
    assertEquals(base.overhead() + 1 + 7, s.overhead());
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
  }

  @Test
  void deepIsAnOptionErrorOutsideExactLanesOne() {
    for (String[] bad : new String[][] {{"fp32", "1"}, {"fixed", "1"}, {"exact", "4"}}) {
      BadParameterException e =
          assertThrows(
              BadParameterException.class, () -> params(bad[0], Integer.parseInt(bad[1]), "deep"));
      assertEquals("--pipeline", e.option());
      assertTrue(e.getMessage().contains("--acc exact --lanes 1"), e.getMessage());
    }
    BadParameterException e =
        assertThrows(BadParameterException.class, () -> params("exact", 1, "deeper"));
    assertEquals("--pipeline", e.option());
  }
}

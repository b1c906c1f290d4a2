package io.hardformer.cli.tile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hardformer.cli.CliRun;
import io.hardformer.generators.array.AccumulationMode;
import io.hardformer.generators.array.FmaArray;
import io.hardformer.generators.array.FmaArrayShape;
import io.hardformer.generators.fp8.FloatPacker;
import io.hardformer.generators.numerics.Fp8Format;
import io.hardformer.throughput.ModelShape;
import io.hardformer.throughput.TileCycleBudget;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The main job's tokens/s is what the measured cycle budget computes: the layer measured on the
 * default tile's units (4 x 4 array of 16-lane exact dot cells, attention D 128, G 8), scaled to
 * Llama-3-70B at the prefill and decode contexts of 2048 / 128, gives the figures of {@code
 * out/manifest.json} and its {@code llama70bBudget}.
 */
class TileThroughputTest {
  @TempDir Path tmp;

  @Test
  void theMainJobsTokensPerSecondIsTheMeasuredBudgets() throws Exception {
    Path out = tmp.resolve("out");
    CliRun r = CliRun.of("--out", out.toString(), "--no-check");
    assertEquals(0, r.code(), r.err());
    JsonNode m = new ObjectMapper().readTree(out.resolve("manifest.json").toFile());
    JsonNode e = m.get("estimate");

    FmaArrayShape array =
        new FmaArrayShape(
            4,
            4,
            Fp8Format.E4M3,
            AccumulationMode.EXACT,
            FloatPacker.FP32,
            FmaArray.DEFAULT_MAX_K,
            16,
            0,
            0);
    LayerThroughput layer =
        LayerThroughput.measure(LayerThroughput.referenceShape(4, 128, 8), array, 128, 8);
    Map<String, Integer> copies = new LinkedHashMap<>();
    for (JsonNode u : m.get("units")) {
      copies.merge(u.get("design").asText(), 1, Integer::sum); // the default tile's units
    }
    ModelShape llama = ModelShape.LLAMA_3_70B;
    double prefill = layer.budget(llama, (2048 + 1) / 2.0, copies).cyclesPerToken();
    double decode = layer.budget(llama, 2048 + (128 + 1) / 2.0, copies).cyclesPerToken();
    // compute-bound: every token costs the binding unit's cycles, at the tile's clock (from timing)
    double clock = m.get("clockGHz").asDouble() * 1e9;
    double cyclesPerRequest = 2048 * prefill + 128 * decode;
    assertEquals("compute", e.get("tileAloneBound").asText(), e.toString());
    assertEquals(
        clock * 2176 / cyclesPerRequest, e.get("tileAloneTokensPerSecond").asDouble(), 0.005);
    assertEquals("fma-array cycles", e.get("tileAloneComputeBy").asText());
    long tiles = e.get("tilesPerDie").asLong();
    assertEquals("compute", e.get("dieBound").asText(), e.toString());
    // 8 chips in one 8-way tensor-parallel group: each chip's tiles take an eighth of each token
    assertEquals(
        clock * tiles * 8 * 2176 / cyclesPerRequest,
        e.get("dieTokensPerSecondPer8Chips").asDouble(),
        0.5);
    assertTrue(e.get("method").asText().startsWith("measured: "), e.get("method").asText());

    JsonNode b = m.get("llama70bBudget");
    TileCycleBudget whole =
        layer.budget(llama, LayerThroughput.averageContext(Llama70bBudget.WORKLOAD), copies);
    assertEquals(whole.binding().unit(), b.get("bindingUnit").asText());
    assertEquals(Math.round(whole.cyclesPerToken()), b.get("tileCyclesPerToken").asLong());
    double cycles = 0;
    double area = 0;
    for (JsonNode u : b.get("units")) {
      cycles += u.get("cycleFraction").asDouble();
      area += u.get("areaFraction").asDouble();
      TileCycleBudget.Line line =
          whole.lines().stream()
              .filter(l -> l.unit().equals(u.get("unit").asText()))
              .findFirst()
              .orElseThrow();
      assertEquals(Math.round(line.effectiveCycles()), u.get("cyclesPerToken").asLong());
    }
    assertEquals(1, cycles, 1e-3);
    assertEquals(1, area, 1e-3);
    assertEquals(
        layer.missing(copies).toString(), b.get("notInTile").findValuesAsText("unit").toString());
    assertEquals(
        e.get("dieTokensPerSecondPer8Chips").asDouble(),
        b.get("die").get("tokensPerSecond").asDouble(),
        0.5);
    assertTrue(
        r.out().contains("Llama-3-70B per-token cycle budget")
            && r.out().contains("of the 500K tok/s claim"),
        r.out());
  }
}

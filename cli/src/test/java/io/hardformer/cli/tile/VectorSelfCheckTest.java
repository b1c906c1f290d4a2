package io.hardformer.cli.tile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hardformer.cli.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code vector} unit in a tile: its descriptor's self-check plan (specials, y and q bit-exact,
 * out_last) passes in Verilator, and its manifest carries the cycle contract.
 */
@Tag("verilator")
class VectorSelfCheckTest {
  @TempDir Path tmp;

  @Test
  void theVectorUnitPassesItsSelfCheck() throws IOException {
    Path cfg = tmp.resolve("v.yaml");
    Files.writeString(
        cfg,
        "name: v\nunits:\n  - {name: vec, design: vector, options: {lanes: 4, format: e4m3}}\n");
    CliRun r =
        CliRun.of("--config", cfg.toString(), "--out", tmp.resolve("o").toString(), "--json");
    assertEquals(0, r.code(), r.err());
    JsonNode unit = new ObjectMapper().readTree(r.out()).get("units").get(0);
    assertEquals("passed", unit.get("selfCheck").get("status").asText(), unit.toString());
    assertTrue(
        unit.get("selfCheck").get("detail").asText().contains("2000 lanes"), unit.toString());
    String manifest = Files.readString(tmp.resolve("o/vec/manifest.json"));
    assertTrue(manifest.contains("\"latency\" : 13"), manifest);
  }
}

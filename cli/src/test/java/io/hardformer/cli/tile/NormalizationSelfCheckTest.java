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
 * A tile with {@code layernorm} and {@code rmsnorm} units: the self-check streams their
 * descriptors' plans (two passes per row) through Verilator and compares y and q with the golden
 * models.
 */
@Tag("verilator")
class NormalizationSelfCheckTest {
  @TempDir Path tmp;

  @Test
  void layerNormAndRmsNormPassTheirSelfChecks() throws IOException {
    Path cfg = tmp.resolve("norm-tile.yaml");
    Files.writeString(
        cfg,
        """
        name: norm-tile
        units:
          - {name: ln, design: layernorm, options: {dim: 8, lanes: 2}}
          - {name: rms, design: rmsnorm, options: {dim: 6, lanes: 3, format: e5m2}}
        """);
    CliRun r =
        CliRun.of("--config", cfg.toString(), "--out", tmp.resolve("o").toString(), "--json");
    assertEquals(0, r.code(), r.err());
    JsonNode m = new ObjectMapper().readTree(r.out());
    for (int i = 0; i < 2; i++) {
      JsonNode u = m.get("units").get(i);
      assertEquals("passed", u.get("selfCheck").get("status").asText(), u.toString());
      assertTrue(u.get("selfCheck").get("detail").asText().contains("bit-exact"), u.toString());
    }
  }
}

package io.hardformer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --json} on an empty model cache: the model builds are announced on stderr, stdout is the
 * JSON alone.
 */
@Tag("verilator")
class JsonOnColdCacheTest {
  @TempDir Path tmp;

  @Test
  void modelBuildsGoToStderrAndStdoutIsOnlyJson() throws Exception {
    Path cache = Files.createDirectories(tmp.resolve("empty-cache"));
    CliProcess.Result r =
        CliProcess.run(
            tmp,
            Map.of("HARDFORMER_CACHE", cache.toString()),
            "--config",
            CliProcess.smallTile(tmp).toString(),
            "--out",
            tmp.resolve("out").toString(),
            "--json");
    assertEquals(0, r.code(), r.err());
    JsonNode json =
        new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readTree(r.out());
    assertEquals("passed", json.path("selfCheck").path("status").asText(), r.out());
    JsonNode unit = json.path("units").get(0).path("selfCheck");
    assertEquals("passed", unit.path("status").asText(), r.out());
    assertTrue(unit.path("detail").asText().contains("bit-exact"), r.out());
    assertTrue(
        Files.readString(cache.resolve("builds.log")).contains("fma_array"),
        "the model was built in the run");
    assertTrue(
        r.err()
            .matches(
                "(?s).*hardformer: building Verilator model for fma_array \\(.*\\) \\.\\.\\.\n.*"),
        r.err());
    assertTrue(
        r.err()
            .matches(
                "(?s).*hardformer: building Verilator model for fma_array \\.\\.\\. done in \\d+\\.\\d s\n.*"),
        r.err());
  }
}

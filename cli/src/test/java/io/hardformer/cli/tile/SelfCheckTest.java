package io.hardformer.cli.tile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hardformer.cli.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.LongUnaryOperator;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The main job's self-check on a custom tile: every unit with a golden model is simulated (the FP8
 * units too), the others are listed as having none, and a mismatch is a design failure (exit 1, one
 * line naming the unit, the output, expected and got), not an internal error.
 */
@Tag("verilator")
class SelfCheckTest {
  @TempDir Path tmp;

  private static CliRun run(String... args) {
    return CliRun.of(args);
  }

  private Path config(String name, String units) throws IOException {
    Path p = tmp.resolve(name + ".yaml");
    Files.writeString(p, "name: " + name + "\nunits:\n" + units);
    return p;
  }

  @Test
  void everyUnitWithAGoldenModelIsCheckedAndTheOthersAreListed() throws IOException {
    Path cfg =
        config(
            "fp8-tile",
            """
          - {name: mul, design: fp8-mul, options: {format: e5m2}}
          - {name: dot, design: fp8-dot, options: {format: e4m3, lanes: 4, out-format: bf16}}
          - {name: quant, design: fp8-quant, options: {format: e4m3, no-saturate: true}}
          - {name: ctr, design: counter, options: {width: 8}}
        """);
    CliRun r = run("--config", cfg.toString(), "--out", tmp.resolve("o").toString(), "--json");
    assertEquals(0, r.code(), r.err());
    JsonNode m = new ObjectMapper().readTree(r.out()); // stdout is the JSON alone
    String[] expected = {"passed", "passed", "passed", "no-golden-model"};
    for (int i = 0; i < expected.length; i++) {
      JsonNode u = m.get("units").get(i);
      assertEquals(expected[i], u.get("selfCheck").get("status").asText(), u.toString());
    }
    assertTrue(
        m.get("units").get(0).get("selfCheck").get("detail").asText().contains("65,536"), r.out());
    assertEquals("passed", m.get("selfCheck").get("status").asText());
    assertEquals("[\"ctr\"]", m.get("selfCheck").get("noGoldenModel").toString());
  }

  @Test
  void withoutTheCheckUnitsWithoutAGoldenModelAreStillListed() throws IOException {
    Path cfg =
        config(
            "no-check-tile",
            """
          - {name: mul, design: fp8-mul, options: {format: e4m3}}
          - {name: ctr, design: counter, options: {width: 8}}
        """);
    CliRun r =
        run(
            "--config",
            cfg.toString(),
            "--out",
            tmp.resolve("n").toString(),
            "--no-check",
            "--json");
    assertEquals(0, r.code(), r.err());
    JsonNode m = new ObjectMapper().readTree(r.out());
    assertEquals("skipped", m.get("units").get(0).get("selfCheck").get("status").asText(), r.out());
    assertEquals(
        "no-golden-model", m.get("units").get(1).get("selfCheck").get("status").asText(), r.out());
    assertEquals("skipped", m.get("selfCheck").get("status").asText());
    assertEquals("[\"ctr\"]", m.get("selfCheck").get("noGoldenModel").toString());
  }

  @Test
  void aMismatchIsADesignFailureWithExit1() throws IOException {
    Path cfg = config("mul-tile", "  - {name: mul, design: fp8-mul, options: {format: e4m3}}\n");
    LongUnaryOperator saved = SelfCheck.expectedValues;
    CliRun json;
    CliRun text;
    try {
      SelfCheck.expectedValues = x -> x ^ 1; // as if the design got the last bit wrong
      json = run("--config", cfg.toString(), "--out", tmp.resolve("j").toString(), "--json");
      text = run("--config", cfg.toString(), "--out", tmp.resolve("t").toString());
    } finally {
      SelfCheck.expectedValues = saved;
    }
    assertEquals(1, json.code(), json.err());
    String line =
        "hardformer: self-check failed: unit 'mul (fp8-mul)': 0x00 x 0x00: expected 0x1, got 0x0";
    assertTrue(json.err().contains(line + "\n"), json.err());
    assertFalse(json.err().contains("internal error") || json.err().contains("\tat "), json.err());
    JsonNode m = new ObjectMapper().readTree(json.out());
    assertEquals("failed", m.get("selfCheck").get("status").asText());
    assertEquals("failed", m.get("units").get(0).get("selfCheck").get("status").asText());
    assertEquals(
        "failed",
        new ObjectMapper()
            .readTree(tmp.resolve("j/manifest.json").toFile())
            .get("selfCheck")
            .get("status")
            .asText(),
        "the written manifest records the failure");
    assertEquals(1, text.code(), text.err());
    assertTrue(
        text.out().contains("self-check mul (fp8-mul): FAILED: 0x00 x 0x00: expected 0x1, got 0x0"),
        text.out());
  }
}

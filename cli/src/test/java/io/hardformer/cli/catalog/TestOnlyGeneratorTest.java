package io.hardformer.cli.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hardformer.cli.CliRun;
import io.hardformer.cli.designs.DesignCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A generator added with a descriptor, a module and a services line in test sources (nothing in
 * cli) is a design of {@code generate}, {@code area}, {@code timing} and tile config files, after
 * the built-ins.
 */
class TestOnlyGeneratorTest {
  @TempDir Path tmp;

  @Test
  void itIsInTheCatalogAfterTheBuiltIns() {
    List<String> names = DesignCatalog.names();
    assertEquals("parity", names.get(names.size() - 1), names.toString());
    assertEquals("counter", names.get(0), "built-ins keep their order");
  }

  @Test
  void generateAreaAndTimingListIt() {
    for (String command : new String[] {"generate", "area", "timing"}) {
      CliRun help = CliRun.of(command, "--help");
      assertEquals(0, help.code(), help.err());
      assertTrue(help.out().contains("  parity "), command + " --help:\n" + help.out());
      CliRun own = CliRun.of(command, "parity", "--help");
      assertTrue(
          own.out().contains("--width=<width>")
              && own.out().contains("width (1..256, default: 16)."),
          own.out());
    }
  }

  @Test
  void itGeneratesAndPricesWithItsOptions() throws Exception {
    CliRun r =
        CliRun.of(
            "generate", "parity", "--width", "12", "--out", tmp.resolve("p").toString(), "--json");
    assertEquals(0, r.code(), r.err());
    JsonNode manifest = new ObjectMapper().readTree(tmp.resolve("p/manifest.json").toFile());
    assertEquals("parity", manifest.get("generator").asText());
    assertEquals("12", manifest.get("parameters").get("width").asText());
    String top = manifest.get("top").asText();
    assertTrue(
        Files.readString(tmp.resolve("p/" + top + ".v")).contains("input wire [11:0] in"),
        "12-bit input");
    CliRun area = CliRun.of("area", "parity", "--width", "12", "--json");
    assertEquals(0, area.code(), area.err());
    assertTrue(
        new ObjectMapper().readTree(area.out()).get("area").get("registerBits").asLong() == 2,
        area.out());
    CliRun bad =
        CliRun.of("generate", "parity", "--width", "0", "--out", tmp.resolve("b").toString());
    assertEquals(2, bad.code());
    assertTrue(bad.err().contains("option '--width' must be between 1 and 256, got 0"), bad.err());
  }

  @Test
  void aTileConfigUnitBindsItsOptions() throws Exception {
    Path cfg =
        Files.writeString(
            tmp.resolve("t.yaml"),
            "units:\n  - {name: par, design: parity, options: {width: 7}}\n"
                + "  - {design: parity}\n");
    CliRun r =
        CliRun.of(
            "--config",
            cfg.toString(),
            "--out",
            tmp.resolve("o").toString(),
            "--no-check",
            "--json");
    assertEquals(0, r.code(), r.err());
    JsonNode m = new ObjectMapper().readTree(r.out());
    assertEquals("7", m.get("units").get(0).get("parameters").get("width").asText());
    assertEquals(
        "16", m.get("units").get(1).get("parameters").get("width").asText(), "the default");
    assertEquals(
        "skipped",
        m.get("units").get(0).get("selfCheck").get("status").asText(),
        "it has a golden model");
    Files.writeString(cfg, "units:\n  - design: parity\n    options:\n      width: 300\n");
    CliRun bad =
        CliRun.of("--config", cfg.toString(), "--out", tmp.resolve("b").toString(), "--no-check");
    assertEquals(2, bad.code());
    assertTrue(
        bad.err()
            .contains(
                "t.yaml: line 4, column 7: unit 'parity' (parity): option '--width' must be between 1 "
                    + "and 256, got 300"),
        bad.err());
  }
}

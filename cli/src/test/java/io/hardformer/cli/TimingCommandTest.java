package io.hardformer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@code hardformer timing}: the JSON keys and their relations, the FO4 override, and bad input.
 */
@Tag("verilator")
class TimingCommandTest {
  @Test
  void timingJsonHasEveryKeyAndConsistentFigures() throws Exception {
    CliRun r = CliRun.of("timing", "counter", "--width", "16", "--json");
    assertEquals(0, r.code(), r.err());
    JsonNode j = new ObjectMapper().readTree(r.out());
    List<String> keys =
        List.of(
            "criticalPathNs",
            "startPoint",
            "endPoint",
            "javaLines",
            "fo4Ps",
            "depthFo4",
            "clockGhz018",
            "nodeFo4Ps",
            "nodeClockGhz",
            "nodeFo4Source",
            "areaUm2",
            "nand2Estimate",
            "synthesis",
            "delayTargetPs");
    List<String> got = new java.util.ArrayList<>();
    j.fieldNames().forEachRemaining(got::add);
    assertEquals(keys, got, "exactly the documented keys, in order");
    double ns = j.get("criticalPathNs").asDouble();
    assertTrue(ns > 0.2 && ns < 20, "a 16-bit increment at 0.18 um: " + ns + " ns");
    assertEquals(ns * 1000 / j.get("fo4Ps").asDouble(), j.get("depthFo4").asDouble(), 0.01);
    assertEquals(1 / ns, j.get("clockGhz018").asDouble(), 1e-3);
    assertEquals(
        1000 / (j.get("depthFo4").asDouble() * j.get("nodeFo4Ps").asDouble()),
        j.get("nodeClockGhz").asDouble(),
        0.01);
    assertTrue(
        j.get("startPoint").asText().startsWith("value["), "the counter's register: " + r.out());
    assertTrue(
        j.get("endPoint").asText().startsWith("value["), "the counter's register: " + r.out());
    assertTrue(
        j.get("javaLines").toString().contains("Counter.java:"),
        "the increment's Java line: " + r.out());
    assertTrue(j.get("areaUm2").asDouble() > 0 && j.get("nand2Estimate").asDouble() > 0);
    assertTrue(r.err().contains("OpenSTA"), "progress on stderr: " + r.err());
    assertEquals("flattened", j.get("synthesis").asText(), "a small design is flattened");
    assertEquals(3000, j.get("delayTargetPs").asInt(), "the default target");
    assertEquals(
        r.out(),
        CliRun.of("timing", "counter", "--width", "16", "--json").out(),
        "byte-identical run to run");
  }

  @Test
  void nodeFo4OverrideScalesTheClockAndIsNamedAsTheSource() throws Exception {
    JsonNode a = new ObjectMapper().readTree(CliRun.of("timing", "counter", "--json").out());
    JsonNode b =
        new ObjectMapper()
            .readTree(CliRun.of("timing", "counter", "--node-fo4-ps", "20", "--json").out());
    assertEquals(20, b.get("nodeFo4Ps").asDouble());
    assertEquals("--node-fo4-ps", b.get("nodeFo4Source").asText());
    assertEquals(
        a.get("nodeClockGhz").asDouble() * a.get("nodeFo4Ps").asDouble() / 20,
        b.get("nodeClockGhz").asDouble(),
        0.01);
  }

  /**
   * {@code --delay-target-ps} reaches ABC ({@code map -D} in the kept Yosys log), is reported, and
   * keys its own cache entry (the default's result is not reused for it).
   */
  @Test
  void delayTargetReachesAbcAndIsReported() throws Exception {
    CliRun r =
        CliRun.of("timing", "counter", "--width", "16", "--delay-target-ps", "2600", "--json");
    assertEquals(0, r.code(), r.err());
    JsonNode j = new ObjectMapper().readTree(r.out());
    assertEquals(2600, j.get("delayTargetPs").asInt());
    String marker = "the tools' logs of this result: ";
    int at = r.err().indexOf(marker);
    assertTrue(at >= 0, "stderr names the logs: " + r.err());
    java.nio.file.Path logs =
        java.nio.file.Path.of(r.err().substring(at + marker.length()).lines().findFirst().get());
    String yosys = java.nio.file.Files.readString(logs.resolve("yosys.log"));
    assertTrue(yosys.contains("map -D 2600"), "ABC ran toward 2600 ps");
    CliRun d = CliRun.of("timing", "counter", "--width", "16", "--json");
    String other = d.err().substring(d.err().indexOf(marker) + marker.length()).strip();
    assertTrue(!other.equals(logs.toString()), "a separate cache entry: " + other);
  }

  /**
   * A machine without OpenSTA or without the liberty: exit 3 naming the Debian package, never a
   * skip.
   */
  @Test
  void aMissingToolOrLibertyNamesItsPackage(
      @org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp) throws Exception {
    java.nio.file.Path bin = java.nio.file.Files.createDirectories(tmp.resolve("bin"));
    java.nio.file.Files.createSymbolicLink(
        bin.resolve("yosys"),
        java.nio.file.Path.of(
            new io.hardformer.verilator.tools.Yosys().tool().binary().toString()));
    CliProcess.Result noSta =
        CliProcess.run(
            tmp,
            Map.of("PATH", bin.toString(), "HARDFORMER_CACHE", tmp.resolve("cache").toString()),
            "timing",
            "counter");
    assertEquals(ExitCodes.TOOL, noSta.code(), noSta.err());
    assertTrue(
        noSta.err().contains("OpenSTA not found") && noSta.err().contains("'opensta'"),
        noSta.err());
    assertTrue(noSta.out().isEmpty(), noSta.out());
    CliProcess.Result noLib =
        CliProcess.run(
            tmp,
            Map.of(
                "HARDFORMER_OSU018_LIB",
                tmp.resolve("none.lib").toString(),
                "HARDFORMER_CACHE",
                tmp.resolve("cache").toString()),
            "timing",
            "counter");
    assertEquals(ExitCodes.TOOL, noLib.code(), noLib.err());
    assertTrue(noLib.err().contains("'qflow-tech-osu018'"), noLib.err());
  }

  @Test
  void generateWithTimingWritesTheFiguresIntoTheManifest(
      @org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp) throws Exception {
    java.nio.file.Path out = tmp.resolve("counter");
    CliRun g =
        CliRun.of("generate", "counter", "--width", "12", "--timing", "--out", out.toString());
    assertEquals(0, g.code(), g.err());
    JsonNode manifest = new ObjectMapper().readTree(out.resolve("manifest.json").toFile());
    JsonNode t =
        new ObjectMapper()
            .readTree(CliRun.of("timing", "counter", "--width", "12", "--json").out());
    assertEquals(
        t, manifest.get("timing"), "the manifest's timing section is what 'timing --json' prints");
    CliRun plain =
        CliRun.of("generate", "counter", "--width", "12", "--out", tmp.resolve("plain").toString());
    assertEquals(0, plain.code(), plain.err());
    assertEquals(
        java.nio.file.Files.readString(tmp.resolve("plain").resolve("Counter.v")),
        java.nio.file.Files.readString(out.resolve("Counter.v")),
        "--timing changes only the manifest");
    assertTrue(
        !java.nio.file.Files.readString(tmp.resolve("plain").resolve("manifest.json"))
            .contains("\"timing\""));
  }

  @Test
  void badInputIsOneLineAndExitCode2() {
    for (String[] args :
        List.of(
            new String[] {"timing", "counter", "--node-fo4-ps", "0"},
            new String[] {"timing"},
            new String[] {"timing", "counter", "--out", "x"},
            new String[] {"area", "counter", "--timing"},
            new String[] {"generate", "counter", "--timing", "--node-fo4-ps", "-1", "--out", "x"},
            new String[] {"generate", "counter", "--node-fo4-ps", "12", "--out", "x"},
            new String[] {"timing", "counter", "--time-limit", "0"},
            new String[] {"area", "counter", "--time-limit", "60"},
            new String[] {"generate", "counter", "--time-limit", "60", "--out", "x"},
            new String[] {"timing", "counter", "--delay-target-ps", "50"},
            new String[] {"area", "counter", "--delay-target-ps", "2600"},
            new String[] {"generate", "counter", "--delay-target-ps", "2600", "--out", "x"})) {
      CliRun r = CliRun.of(args);
      assertEquals(ExitCodes.USAGE, r.code(), String.join(" ", args) + ": " + r.err());
      assertEquals(1, r.err().strip().lines().count(), "one line: " + r.err());
      assertTrue(r.out().isEmpty());
    }
  }
}

package io.hardformer.rtl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every golden file set passes {@code verilator --lint-only -Wall} (fails, never skips, without
 * Verilator: ./run-tests installs it).
 */
class GoldenLintTest {
  static Stream<String> designs() {
    return EmitterGoldenTest.designs().map(a -> (String) a.get()[0]);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("designs")
  void goldenVerilogLintsClean(String name) throws IOException, InterruptedException {
    assertTrue(
        onPath("verilator"),
        "verilator is not on PATH: install the Debian package verilator (./run-tests does)");
    Path dir = EmitterGoldenTest.GOLDEN_ROOT.resolve(name);
    List<String> files;
    try (Stream<Path> listing = Files.list(dir)) {
      files = listing.map(Path::toString).filter(f -> f.endsWith(".v")).sorted().toList();
    }
    String top =
        Files.readString(dir.resolve("manifest.json"))
            .replaceAll("(?s).*\"top\"\\s*:\\s*\"([^\"]+)\".*", "$1");
    List<String> cmd =
        new ArrayList<>(List.of("verilator", "--lint-only", "-Wall", "--top-module", top));
    cmd.addAll(files);
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out =
        new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), String.join(" ", cmd) + "\n" + out);
    assertEquals("", out.strip(), "lint output");
  }

  private static boolean onPath(String tool) {
    for (String d :
        System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator, -1)) {
      if (Files.isExecutable(Path.of(d, tool))) {
        return true;
      }
    }
    return false;
  }
}

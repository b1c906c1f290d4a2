package io.hardformer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run-model --mode rtl} (the default mode) on a machine without Verilator: one line naming
 * Verilator, the tool exit code, nothing on stdout, no stack trace.
 */
class RunModelVerilatorMissingTest {
  @TempDir Path tmp;

  @Test
  void rtlModeWithoutVerilatorIsOneLineWithTheToolExitCode() throws Exception {
    Path bin = Files.createDirectories(tmp.resolve("bin"));
    CliProcess.Result r =
        CliProcess.run(
            tmp,
            Map.of("PATH", bin.toString(), "HARDFORMER_CACHE", tmp.resolve("cache").toString()),
            "run-model",
            "minilm",
            "--text",
            "Hi");
    assertEquals(ExitCodes.TOOL, r.code(), r.err());
    assertEquals("", r.out());
    List<String> lines = r.err().strip().lines().toList();
    assertEquals(1, lines.size(), r.err());
    assertTrue(lines.get(0).contains("Verilator not found"), r.err());
    assertFalse(r.err().contains("Exception"), r.err());
  }
}

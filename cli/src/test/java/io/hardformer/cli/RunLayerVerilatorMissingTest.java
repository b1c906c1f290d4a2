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
 * {@code run-layer --mode rtl} on a machine without Verilator: one line naming Verilator, the tool
 * exit code, nothing on stdout, no stack trace (rtl mode itself runs: LlamaLayerRtlTest).
 */
class RunLayerVerilatorMissingTest {
  @TempDir Path tmp;

  @Test
  void rtlModeWithoutVerilatorIsOneLineWithTheToolExitCode() throws Exception {
    Path bin = Files.createDirectories(tmp.resolve("bin"));
    CliProcess.Result r =
        CliProcess.run(
            tmp,
            Map.of("PATH", bin.toString(), "HARDFORMER_CACHE", tmp.resolve("cache").toString()),
            "run-layer",
            "llama",
            "--d-model",
            "64",
            "--heads",
            "2",
            "--kv-heads",
            "1",
            "--ffn",
            "128",
            "--seq",
            "8",
            "--mode",
            "rtl");
    assertEquals(ExitCodes.TOOL, r.code(), r.err());
    assertEquals("", r.out());
    List<String> lines = r.err().strip().lines().toList();
    assertEquals(1, lines.size(), r.err());
    assertTrue(lines.get(0).contains("Verilator not found"), r.err());
    assertFalse(r.err().contains("Exception"), r.err());
  }
}

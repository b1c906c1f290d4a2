package io.hardformer.verilator.timing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@code bench/fo4-liberty} measures the FO4 of any liberty (docs/AREA_AND_TIMING.md quotes its
 * figure for the ASAP7 7 nm library, the modern node's default). On the OSU 0.18 um liberty it must
 * agree with {@link Fo4}, which times the same chain through the design flow.
 */
@Tag("verilator")
class Fo4LibertyScriptTest {
  private static final Path SCRIPT = Path.of("..", "bench", "fo4-liberty").toAbsolutePath();

  @Test
  void theScriptAgreesWithTheFlowsFo4OnTheOsuLiberty() throws Exception {
    Result r = run(Osu018.liberty().toString(), "INVX1");
    assertEquals(0, r.exit, "exit status; stderr: " + r.err);
    assertEquals(Fo4.picoseconds(), Double.parseDouble(r.out.strip()), 1.0, "FO4 in ps");
  }

  @Test
  void aMissingLibertyIsAClearErrorNotAFigure() throws Exception {
    Result r = run("/nonexistent/lib.lib", "INVX1");
    assertEquals(2, r.exit);
    assertTrue(r.out.isBlank(), "no figure on stdout: " + r.out);
    assertTrue(r.err.contains("no liberty file /nonexistent/lib.lib"), r.err);
  }

  private record Result(int exit, String out, String err) {}

  private static Result run(String... args) throws IOException, InterruptedException {
    Path out = Files.createTempFile("fo4", ".out");
    Path err = Files.createTempFile("fo4", ".err");
    try {
      List<String> cmd = new ArrayList<>(List.of(SCRIPT.toString()));
      cmd.addAll(List.of(args));
      int exit =
          new ProcessBuilder(cmd)
              .redirectOutput(out.toFile())
              .redirectError(err.toFile())
              .start()
              .waitFor();
      return new Result(
          exit,
          Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }
}

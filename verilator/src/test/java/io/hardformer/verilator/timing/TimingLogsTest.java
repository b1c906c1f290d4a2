package io.hardformer.verilator.timing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hardformer.verilator.FileTrees;
import io.hardformer.verilator.tools.ToolException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A timing run keeps the tools' logs (beside its cache entry when it succeeds, in the folder its
 * error names when it fails), and a tool that exceeds the time limit ends the run with one line
 * naming the limit, the log and where Yosys was.
 */
@Tag("verilator")
class TimingLogsTest {
  /**
   * A registered N x N multiply; {@code nonce} goes into a comment so that no earlier run has
   * cached it.
   */
  private static String multiply(String top, int n, long nonce) {
    String w = "[" + (n - 1) + ":0]";
    return "// run "
        + nonce
        + "\nmodule "
        + top
        + "(input clk, input "
        + w
        + " a, input "
        + w
        + " b, output reg ["
        + (2 * n - 1)
        + ":0] p);\n  reg "
        + w
        + " ra;\n  reg "
        + w
        + " rb;\n  always @(posedge clk) begin\n    ra <= a;\n    rb <= b;\n"
        + "    p <= ra * rb;\n  end\nendmodule\n";
  }

  @Test
  void aRunKeepsYosysAbcAndOpenStaLogsBesideItsCacheEntry() throws Exception {
    String top = "logged_mul";
    Map<String, String> verilog = Map.of(top + ".v", multiply(top, 4, System.nanoTime()));
    SynthesizedTiming t = TimingAnalysis.analyze(top, verilog, Hierarchy.FLATTEN);
    assertTrue(t.criticalPathNs() > 0, t.toString());
    Path logs = TimingAnalysis.logs(top, verilog, Hierarchy.FLATTEN).orElseThrow();
    String yosys = Files.readString(logs.resolve(TimingAnalysis.YOSYS_LOG));
    assertTrue(yosys.contains("ABC: + map -D " + TimingAnalysis.DELAY_TARGET_PS), yosys);
    assertTrue(yosys.contains("Chip area for module"), "the stat pass is in the log");
    String sta = Files.readString(logs.resolve(TimingAnalysis.STA_LOG));
    assertTrue(sta.contains("slack"), sta);
    assertTrue(
        Files.readString(logs.resolve(TimingAnalysis.YOSYS_CMD)).contains("-script +strash"),
        "the command that reproduces the run");
    // this run's entry and logs are of no use to any other run
    FileTrees.deleteQuietly(logs);
    Files.deleteIfExists(
        logs.resolveSibling(logs.getFileName().toString().replace(".logs", ".txt")));
  }

  @Test
  void aToolOverTheTimeLimitFailsInOneLineNamingTheLogItLeft() throws Exception {
    // a 64 x 64 multiply takes Yosys and ABC tens of seconds; the limit is 1 s
    String top = "slow_mul";
    Map<String, String> verilog = Map.of(top + ".v", multiply(top, 64, System.nanoTime()));
    ToolException e =
        assertThrows(
            ToolException.class, () -> TimingAnalysis.analyze(top, verilog, Hierarchy.FLATTEN, 1));
    String m = e.getMessage();
    assertEquals(1, m.lines().count(), m);
    assertTrue(
        m.startsWith(
            "timing slow_mul: Yosys (synthesis and ABC mapping) did not finish within 1 s"),
        m);
    assertTrue(m.contains("--time-limit"), m);
    Matcher log = Pattern.compile("its log so far: (\\S+)$").matcher(m);
    assertTrue(log.find(), m);
    Path file = Path.of(log.group(1));
    try {
      assertTrue(Files.isRegularFile(file), m);
      assertTrue(
          Files.readString(file).contains("Executing Verilog-2005 frontend: slow_mul.v"),
          "the log holds what Yosys did before it was stopped");
      assertTrue(Files.isRegularFile(file.resolveSibling(TimingAnalysis.YOSYS_CMD)));
    } finally {
      FileTrees.deleteQuietly(file.getParent());
    }
  }

  @Test
  void whereItStoppedNamesTheModuleAndTheAbcStep() throws Exception {
    Path dir = Files.createTempDirectory("timing-logs-test");
    try {
      Path log = dir.resolve("yosys.log");
      Files.writeString(
          log,
          "11.22. Executing ABC pass (technology mapping using ABC).\n"
              + "11.22.3. Extracting gate netlist of module `\\attention_head' to"
              + " `<abc-temp-dir>/input.blif'..\n"
              + "ABC: + read_constr -v abc.constr\n"
              + "ABC: + strash\n"
              + "ABC: + dch -f\n");
      assertEquals(
          " (in ABC, mapping module attention_head, at 'dch -f')",
          TimingAnalysis.whereItStopped(log));
      Files.writeString(log, "1. Executing Liberty frontend.\n2. Executing SYNTH pass.\n");
      assertEquals(" (at '2. Executing SYNTH pass.')", TimingAnalysis.whereItStopped(log));
    } finally {
      FileTrees.deleteQuietly(dir);
    }
  }
}

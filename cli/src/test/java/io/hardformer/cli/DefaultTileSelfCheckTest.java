package io.hardformer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A new user's first {@code ./hardformer}: the default tile, self-checked in Verilator, with the
 * summary.
 */
@Tag("verilator")
class DefaultTileSelfCheckTest {
  @TempDir Path tmp;

  @Test
  void firstRunSelfChecksTheTileAndPrintsTheSummary() {
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code;
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      code = HardformerCommand.execute("--out", tmp.toString());
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
    String o = out.toString(StandardCharsets.UTF_8);
    String e = err.toString(StandardCharsets.UTF_8);
    assertEquals(0, code, e);
    assertTrue(o.contains("self-check fma-array: 5 matmuls") && o.contains("bit-exact"), o);
    assertTrue(o.contains("self-check attention: 5 steps") && o.contains("out_last"), o);
    for (String unit : new String[] {"vector", "rmsnorm", "swiglu", "rope"}) {
      assertTrue(o.contains("self-check " + unit + ": ") && !o.contains("FAILED"), o);
    }
    assertTrue(e.contains("6/6 self-check done"), "progress bar on stderr:\n" + e);
  }
}

package io.hardformer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as a user meets it: outputs, one-line errors, exit codes. */
class CliTest {
  @TempDir
  Path tmp;

  private record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      int code = HardformerCommand.execute(args);
      return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
  }

  @Test
  void generatesVerilogFilelistAndManifest() throws Exception {
    Run r = run("generate", "adder-tree", "--width", "4", "--depth", "2", "--out", tmp.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(Files.exists(tmp.resolve("AdderTree.v")));
    assertTrue(Files.readString(tmp.resolve("AdderTree.f")).contains("AdderStage_width4.v"));
    String manifest = Files.readString(tmp.resolve("manifest.json"));
    assertTrue(manifest.contains("\"top\" : \"AdderTree\""), manifest);
    assertTrue(manifest.contains("\"latency\" : 2"), manifest);
    assertTrue(Files.readString(tmp.resolve("AdderTree.v")).contains("generator 'adder-tree' with width=4, depth=2"));
  }

  @Test
  void unknownDesignIsOneLineNamingTheChoicesWithExitCode2() {
    Run r = run("generate", "systolic", "--out", tmp.toString());
    assertEquals(ExitCodes.USAGE, r.code());
    assertEquals(1, r.err().strip().lines().count(), r.err());
    assertTrue(r.err().contains("unknown design 'systolic'; valid designs: counter, adder-tree"), r.err());
  }

  @Test
  void optionOutOfRangeNamesOptionValueAndRange() {
    Run r = run("generate", "fifo", "--addr-bits", "0", "--out", tmp.toString());
    assertEquals(ExitCodes.USAGE, r.code());
    assertTrue(r.err().contains("option '--addr-bits' must be between 1 and 10, got 0"), r.err());
    assertFalse(r.err().contains("at io.hardformer"), "no stack trace");
  }

  @Test
  void unwritableOutputIsADesignErrorWithoutStackTrace() throws Exception {
    Path file = Files.writeString(tmp.resolve("a-file"), "x");
    Run r = run("generate", "counter", "--out", file.resolve("sub").toString());
    assertEquals(ExitCodes.DESIGN_ERROR, r.code(), r.err());
    assertTrue(r.err().startsWith("hardformer: cannot write design Counter"), r.err());
    assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
  }

  @Test
  void helpListsDesignsAndExamples() {
    Run r = run("generate", "--help");
    assertEquals(0, r.code());
    for (String d : new String[] {"counter", "adder-tree", "int-mac", "register-slice", "pipeline", "fifo"}) {
      assertTrue(r.out().contains(d), d);
    }
    assertTrue(r.out().contains("Examples:"));
  }

  @Test
  void defaultJobWritesTheDefaultDesignAndPrintsASummary() {
    Run r = run("--out", tmp.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("register bits"), r.out());
    assertTrue(Files.exists(tmp.resolve("manifest.json")));
  }

  @Test
  void rulesAreListed() {
    Run r = run("rules");
    assertEquals(0, r.code());
    assertTrue(r.out().contains("COMBINATIONAL LOOP"));
    assertTrue(r.out().contains("WIDTH MISMATCH"));
  }
}

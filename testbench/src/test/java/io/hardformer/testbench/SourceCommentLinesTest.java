package io.hardformer.testbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hardformer.dsl.Bool;
import io.hardformer.dsl.Module;
import io.hardformer.dsl.UInt;
import io.hardformer.dsl.elaborate.Elaborator;
import io.hardformer.rtl.EmitOptions;
import io.hardformer.rtl.VerilogEmitter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The {@code // File.java:line} comments in emitted Verilog name the exact user line: each
 * declaration, assignment and instance is found by the Verilog text it produces, and its comment
 * must equal the line of this file that ends in the matching {@code // AT: <name>} marker.
 */
class SourceCommentLinesTest {
  private static final Path SOURCE =
      Path.of("src/test/java/io/hardformer/testbench/SourceCommentLinesTest.java");

  static final class Leaf extends Module {
    final UInt x = in("x", 4);
    final UInt q = out("q", 4);

    Leaf() {
      q.assign(x.not()); // AT: leaf-q
    }
  }

  static final class Located extends Module {
    final UInt a = in("a", 4);
    final Bool en = in("en");
    final UInt y = out("y", 4);
    final UInt z = out("z", 4);

    Located() {
      UInt r = reg("r", 4, 0); // AT: reg-r
      UInt s = wire("s", 4); // AT: wire-s
      s.assign(a.xor(r)); // AT: assign-s
      when(en, () -> r.next(s)); // AT: next-r
      y.assign(r); // AT: assign-y
      driveZ(); // AT: call-helper
    }

    private void driveZ() {
      Leaf leaf = instance("leaf", new Leaf()); // AT: instance-leaf
      leaf.x.assign(a); // AT: connect-leaf
      z.assign(leaf.q); // AT: assign-z
    }
  }

  @Test
  void everyCommentNamesTheLineThatBuiltIt() {
    Map<String, String> files =
        VerilogEmitter.emit(Elaborator.elaborate(new Located()), EmitOptions.defaults()).verilog();
    String top = module(files, "Located");
    String leaf = module(files, "Leaf");
    assertComment(top, "reg [3:0] r;", "reg-r");
    assertComment(top, "wire [3:0] s;", "wire-s");
    assertComment(top, "assign s =", "assign-s");
    assertComment(top, "r <= s;", "next-r");
    assertComment(top, "assign y =", "assign-y");
    assertComment(top, "Leaf leaf (", "instance-leaf");
    assertComment(top, "assign z =", "assign-z");
    assertComment(leaf, "assign q =", "leaf-q");
  }

  private static String module(Map<String, String> files, String name) {
    return files.values().stream()
        .filter(v -> v.contains("module " + name + " ("))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no module " + name + " in " + files.keySet()));
  }

  /**
   * The comment on the Verilog line containing {@code text} names the marker's line of this file.
   */
  private static void assertComment(String verilog, String text, String marker) {
    String line =
        verilog
            .lines()
            .filter(l -> l.contains(text))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no line with '" + text + "' in:\n" + verilog));
    Matcher m = Pattern.compile("// (\\S+\\.java):(\\d+)").matcher(line);
    assertTrue(m.find(), "no source comment on '" + line + "' in:\n" + verilog);
    assertEquals("SourceCommentLinesTest.java", m.group(1), line);
    assertEquals(
        markerLine(marker), Integer.parseInt(m.group(2)), "'" + text + "' in:\n" + verilog);
  }

  private static int markerLine(String marker) {
    try {
      List<String> lines = Files.readAllLines(SOURCE);
      for (int i = 0; i < lines.size(); i++) {
        if (lines.get(i).endsWith("// AT: " + marker)) {
          return i + 1;
        }
      }
      throw new AssertionError("no marker " + marker);
    } catch (IOException e) {
      throw new AssertionError("cannot read " + SOURCE.toAbsolutePath(), e);
    }
  }
}

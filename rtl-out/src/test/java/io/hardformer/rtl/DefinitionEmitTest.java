package io.hardformer.rtl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hardformer.dsl.Bool;
import io.hardformer.dsl.Definition;
import io.hardformer.dsl.Instance;
import io.hardformer.dsl.Module;
import io.hardformer.dsl.UInt;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A row of cells from one {@link Definition} emits the same Verilog as the row built with one
 * {@code new Cell()} per position, and its {@code // File.java:line} comments point at the
 * instantiation line (instances) and at the cell's own lines (inside the cell).
 */
class DefinitionEmitTest {
  static final class Cell extends Module {
    final UInt a = in("a", 8);
    final Bool en = in("en");
    final UInt aOut = out("a_out", 8);
    final UInt sum = out("sum", 16);

    Cell() {
      UInt s = reg("s", 16, 0); // LINE: cell-register
      when(en, () -> s.next(s.add(a.zext(16)).trunc(16)));
      aOut.assign(a);
      sum.assign(s);
    }
  }

  /** The example of docs/DSL.md: one definition, n instances, ports through the instance. */
  static final class SharedRow extends Module {
    SharedRow(int n) {
      UInt a = in("a", 8);
      Bool en = in("en");
      Definition<Cell> cell = definition(Cell::new);
      UInt left = a;
      for (int i = 0; i < n; i++) {
        Instance<Cell> c = instance("cell_" + i, cell); // LINE: shared-instance
        c.port(m -> m.a).assign(left);
        c.port(m -> m.en).assign(en);
        out("sum" + i, 16).assign(c.port(m -> m.sum));
        left = c.port(m -> m.aOut);
      }
    }
  }

  static final class ClassicRow extends Module {
    ClassicRow(int n) {
      UInt a = in("a", 8);
      Bool en = in("en");
      UInt left = a;
      for (int i = 0; i < n; i++) {
        Cell c = instance("cell_" + i, new Cell());
        c.a.assign(left);
        c.en.assign(en);
        out("sum" + i, 16).assign(c.sum);
        left = c.aOut;
      }
    }

    @Override
    public String kindName() {
      return "SharedRow";
    }
  }

  @Test
  void theSharedRowEmitsWhatTheClassicRowEmits() {
    EmitOptions options = EmitOptions.forGenerator("row", Map.of()).withSourceComments(false);
    Map<String, String> shared = VerilogEmitter.emit(new SharedRow(4), options).files();
    Map<String, String> classic = VerilogEmitter.emit(new ClassicRow(4), options).files();
    assertEquals(classic, shared);
    assertTrue(shared.get("Cell.v").contains("4 instances"), shared.get("Cell.v"));
    assertEquals(
        List.of("Cell.v", "SharedRow.v"),
        shared.keySet().stream().filter(f -> f.endsWith(".v")).sorted().toList(),
        "one module for the four cells");
  }

  @Test
  void sourceCommentsNameTheInstantiationLineAndTheCellsOwnLines() throws IOException {
    EmitOptions options = EmitOptions.forGenerator("row", Map.of()).withSourceComments(true);
    Map<String, String> files = VerilogEmitter.emit(new SharedRow(3), options).files();
    int instanceLine = lineOf("shared-instance");
    String top = files.get("SharedRow.v");
    for (int i = 0; i < 3; i++) {
      assertTrue(
          top.contains("Cell cell_" + i + " ( // DefinitionEmitTest.java:" + instanceLine), top);
    }
    assertTrue(
        files
            .get("Cell.v")
            .contains("reg [15:0] s; // DefinitionEmitTest.java:" + lineOf("cell-register")),
        files.get("Cell.v"));
  }

  private static int lineOf(String tag) throws IOException {
    List<String> lines =
        Files.readAllLines(Path.of("src/test/java/io/hardformer/rtl/DefinitionEmitTest.java"));
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains("// LINE: " + tag)) {
        return i + 1;
      }
    }
    throw new IllegalArgumentException(tag);
  }
}

package io.hardformer.dsl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.hardformer.dsl.diagnostic.Diagnostic;
import io.hardformer.dsl.elaborate.Design;
import io.hardformer.dsl.elaborate.ElaborationException;
import io.hardformer.dsl.elaborate.Elaborator;
import io.hardformer.dsl.ir.Assign;
import io.hardformer.dsl.ir.BinaryExpr;
import io.hardformer.dsl.ir.BinaryOp;
import io.hardformer.dsl.ir.ModuleBody;
import io.hardformer.dsl.ir.SliceExpr;
import io.hardformer.dsl.ir.SourceLocation;
import io.hardformer.dsl.ir.Statement;
import io.hardformer.dsl.lib.LocatedGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Source locations are exact: every IR node and every diagnostic names the user's line, for
 * operators on different lines of one method, the two halves of a multi-line chain, a helper method
 * called from user code, and a generator in a package named like the library's. Lines are found by
 * their {@code // AT:} markers in {@link LocatedGenerator}'s source, never hard-coded.
 */
class LocationsTest {
  private static final Path SOURCE =
      Path.of("src/test/java/io/hardformer/dsl/lib/LocatedGenerator.java");

  @Test
  void everyOperatorCarriesItsOwnLine() {
    ModuleBody body = Elaborator.elaborate(new LocatedGenerator(false)).top().body();
    Assign y = assignTo(body, "y");
    assertAt("assign-y", y.location());
    BinaryExpr xor = (BinaryExpr) y.value();
    assertEquals(BinaryOp.XOR, xor.op());
    assertAt("xor", xor.location());
    BinaryExpr and = (BinaryExpr) xor.left();
    assertAt("and", and.location());
    SliceExpr trunc = (SliceExpr) and.left();
    assertAt("trunc", trunc.location());
    assertAt("add", ((BinaryExpr) trunc.operand()).location());
  }

  @Test
  void helperMethodOperatorsPointAtTheHelper() {
    ModuleBody body = Elaborator.elaborate(new LocatedGenerator(false)).top().body();
    Assign z = assignTo(body, "z");
    assertAt("assign-z", z.location());
    assertAt("helper-or", z.value().location());
  }

  @Test
  void diagnosticNamesTheUsersLine() {
    ElaborationException e =
        assertThrows(
            ElaborationException.class, () -> Elaborator.elaborate(new LocatedGenerator(true)));
    Diagnostic d = e.diagnostics().get(0);
    assertEquals("WIDTH MISMATCH", d.ruleId());
    assertAt("width-error", d.location());
  }

  @Test
  void equalLocationsAreOneSharedObject() {
    Design first = Elaborator.elaborate(new LocatedGenerator(false));
    Design second = Elaborator.elaborate(new LocatedGenerator(false));
    assertSame(
        assignTo(first.top().body(), "y").location(),
        assignTo(second.top().body(), "y").location());
    assertSame(Locations.intern("X.java", 12), Locations.intern("X.java", 12));
    assertEquals(new SourceLocation("X.java", 4000), Locations.intern("X.java", 4000));
  }

  private static Assign assignTo(ModuleBody body, String name) {
    for (Statement s : body.statements()) {
      if (s instanceof Assign && ((Assign) s).target().name().equals(name)) {
        return (Assign) s;
      }
    }
    throw new AssertionError("no assignment to " + name + " in " + body.statements());
  }

  private static void assertAt(String marker, SourceLocation actual) {
    assertEquals(
        new SourceLocation("LocatedGenerator.java", line(SOURCE, "// AT: " + marker)),
        actual,
        "location of '" + marker + "'");
  }

  private static int line(Path source, String marker) {
    try {
      List<String> lines = Files.readAllLines(source);
      for (int i = 0; i < lines.size(); i++) {
        if (lines.get(i).endsWith(marker)) {
          return i + 1;
        }
      }
      throw new AssertionError("no line ending in '" + marker + "' in " + source);
    } catch (IOException e) {
      throw new AssertionError("cannot read " + source.toAbsolutePath(), e);
    }
  }
}

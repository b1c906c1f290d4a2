package io.hardformer.dsl.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hardformer.dsl.Bool;
import io.hardformer.dsl.Module;
import io.hardformer.dsl.UInt;
import io.hardformer.dsl.diagnostic.Diagnostic;
import io.hardformer.dsl.elaborate.Design;
import io.hardformer.dsl.elaborate.ElaborationException;
import io.hardformer.dsl.elaborate.Elaborator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * One clean and one faulty design per rule. A faulty line carries a {@code // BUG: <RULE ID>}
 * marker; the test asserts the rule id, the signal named in the message and that the diagnostic
 * points at exactly that line of this file.
 */
class RulesTest {
  private static final Path SOURCE =
      Path.of("src/test/java/io/hardformer/dsl/check/RulesTest.java");

  // ---- WIDTH MISMATCH
  // ----------------------------------------------------------------------------

  static final class AssignTooWide extends Module {
    final UInt a = in("a", 8);
    final UInt y = out("y", 8);

    AssignTooWide() {
      y.assign(a.add(a)); // BUG: WIDTH MISMATCH
    }
  }

  static final class AssignExact extends Module {
    final UInt a = in("a", 8);
    final UInt y = out("y", 8);

    AssignExact() {
      y.assign(a.add(a).trunc(8));
    }
  }

  static final class BitwiseMismatch extends Module {
    final UInt a = in("a", 8);
    final UInt b = in("b", 9);
    final UInt y = out("y", 9);

    BitwiseMismatch() {
      y.assign(b.and(a.zext(9)));
      y.assign(a.xor(b)); // BUG: WIDTH MISMATCH
    }
  }

  static final class LiteralTooWide extends Module {
    final UInt y = out("y", 8);

    LiteralTooWide() {
      y.assign(lit(300, 8)); // BUG: WIDTH MISMATCH
    }
  }

  @Test
  void widthMismatch() {
    assertClean(AssignExact::new);
    Diagnostic d = single(AssignTooWide::new, "WIDTH MISMATCH");
    assertTrue(
        d.message().contains("'y' is 8 bits but is assigned 9 bits (8 bits <- 9 bits)"),
        d.render());
    assertTrue(d.fix().contains(".trunc(8)"), d.fix());
    assertTrue(
        single(BitwiseMismatch::new, "WIDTH MISMATCH").message().contains("8 bits and 9 bits"));
    assertTrue(
        single(LiteralTooWide::new, "WIDTH MISMATCH")
            .message()
            .contains("literal 300 does not fit"));
  }

  // ---- BAD WIDTH, SLICE RANGE
  // -----------------------------------------------------------------------

  static final class ZeroWidth extends Module {
    final UInt a = in("a", 0); // BUG: BAD WIDTH
    final UInt y = out("y", 1);

    ZeroWidth() {
      y.assign(lit(0, 1));
    }
  }

  static final class NegativeWidth extends Module {
    final UInt y = out("y", -3); // BUG: BAD WIDTH

    NegativeWidth() {
      y.assign(lit(0, 1));
    }
  }

  static final class SliceOutOfRange extends Module {
    final UInt a = in("a", 8);
    final UInt y = out("y", 4);

    SliceOutOfRange() {
      y.assign(a.bits(9, 6)); // BUG: SLICE RANGE
    }
  }

  static final class SliceInRange extends Module {
    final UInt a = in("a", 8);
    final UInt y = out("y", 4);

    SliceInRange() {
      y.assign(a.bits(7, 4));
    }
  }

  @Test
  void badWidth() {
    assertTrue(single(ZeroWidth::new, "BAD WIDTH").message().contains("'a' has width 0"));
    assertTrue(single(NegativeWidth::new, "BAD WIDTH").message().contains("'y' has width -3"));
  }

  @Test
  void sliceRange() {
    assertClean(SliceInRange::new);
    Diagnostic d = single(SliceOutOfRange::new, "SLICE RANGE");
    assertTrue(d.message().contains("bits [9:6] of 'a' (8 bits) are out of range"), d.render());
  }

  // ---- UNCONNECTED
  // ------------------------------------------------------------------------------------

  static final class Leaf extends Module {
    final UInt a = in("a", 4); // BUG: UNCONNECTED (child input declared here)
    final UInt y = out("y", 4);

    Leaf() {
      y.assign(a);
    }
  }

  static final class ChildUnconnected extends Module {
    final UInt y = out("y", 4);

    ChildUnconnected() {
      Leaf l = instance("leaf", new Leaf()); // BUG: UNCONNECTED
      y.assign(l.y);
    }
  }

  static final class OutputUndriven extends Module {
    final UInt a = in("a", 4);
    final UInt y = out("y", 4); // BUG: UNCONNECTED

    OutputUndriven() {}
  }

  static final class ChildConnected extends Module {
    final UInt a = in("a", 4);
    final UInt y = out("y", 4);

    ChildConnected() {
      Leaf l = instance("leaf", new Leaf());
      l.a.assign(a);
      y.assign(l.y);
    }
  }

  @Test
  void unconnected() {
    assertClean(ChildConnected::new);
    Diagnostic child = single(ChildUnconnected::new, "UNCONNECTED");
    assertTrue(
        child.message().contains("input 'a' of instance 'leaf' (Leaf) is not connected"),
        child.render());
    assertTrue(single(OutputUndriven::new, "UNCONNECTED").message().contains("output 'y'"));
  }

  // ---- MULTIPLE DRIVERS
  // --------------------------------------------------------------------------------

  static final class DrivesOwnInput extends Module {
    final UInt a = in("a", 4);
    final UInt y = out("y", 4);

    DrivesOwnInput() {
      a.assign(lit(1, 4)); // BUG: MULTIPLE DRIVERS
      y.assign(a);
    }
  }

  static final class DrivesChildOutput extends Module {
    final UInt a = in("a", 4);
    final UInt y = out("y", 4);

    DrivesChildOutput() {
      Leaf l = instance("leaf", new Leaf());
      l.a.assign(a);
      l.y.assign(a); // BUG: MULTIPLE DRIVERS
      y.assign(l.y);
    }
  }

  @Test
  void multipleDrivers() {
    assertTrue(
        single(DrivesOwnInput::new, "MULTIPLE DRIVERS")
            .message()
            .contains("'a' is driven here and by the parent"));
    assertTrue(
        single(DrivesChildOutput::new, "MULTIPLE DRIVERS")
            .message()
            .contains("'y' is driven here and by its own module Leaf"));
  }

  // ---- COMBINATIONAL LOOP
  // -------------------------------------------------------------------------------

  static final class WireLoop extends Module {
    final UInt a = in("a", 4);
    final UInt y = out("y", 4);

    WireLoop() {
      UInt p = wire("p", 4);
      UInt q = wire("q", 4);
      p.assign(q.xor(a)); // BUG: COMBINATIONAL LOOP
      q.assign(p); // BUG: COMBINATIONAL LOOP
      y.assign(q);
    }
  }

  static final class LoopThroughChild extends Module {
    final UInt y = out("y", 4);

    LoopThroughChild() {
      Leaf l = instance("leaf", new Leaf());
      l.a.assign(l.y.xor(lit(1, 4))); // BUG: COMBINATIONAL LOOP
      y.assign(l.y);
    }
  }

  static final class LoopBrokenByRegister extends Module {
    final UInt y = out("y", 4);

    LoopBrokenByRegister() {
      UInt r = reg("r", 4, 0);
      r.next(r.inc());
      y.assign(r);
    }
  }

  @Test
  void combinationalLoop() {
    assertClean(LoopBrokenByRegister::new);
    Diagnostic d = single(WireLoop::new, "COMBINATIONAL LOOP");
    assertTrue(d.message().matches(".*(p -> q -> p|q -> p -> q).*"), d.render());
    assertEquals(2, d.related().size(), "one hop per signal: " + d.render());
    Diagnostic c = single(LoopThroughChild::new, "COMBINATIONAL LOOP");
    assertTrue(
        c.message().contains("leaf_a")
            || c.message().contains("'a'")
            || c.message().contains("a -> y"),
        c.render());
  }

  // ---- LATCH, UNDRIVEN READ
  // ---------------------------------------------------------------------------

  static final class LatchDesign extends Module {
    final Bool sel = in("sel");
    final UInt a = in("a", 4);
    final UInt y = out("y", 4);

    LatchDesign() {
      when(sel, () -> y.assign(a)); // BUG: LATCH
    }
  }

  static final class DefaultThenWhen extends Module {
    final Bool sel = in("sel");
    final UInt a = in("a", 4);
    final UInt y = out("y", 4);

    DefaultThenWhen() {
      y.assign(lit(0, 4));
      when(sel, () -> y.assign(a));
    }
  }

  static final class UndrivenWire extends Module {
    final UInt y = out("y", 4);

    UndrivenWire() {
      UInt w = wire("w", 4);
      y.assign(w); // BUG: UNDRIVEN READ
    }
  }

  @Test
  void latch() {
    assertClean(DefaultThenWhen::new);
    Diagnostic d = single(LatchDesign::new, "LATCH");
    assertTrue(d.message().contains("'y' is not assigned on every path"), d.render());
    assertTrue(d.fix().contains("default"), d.fix());
  }

  @Test
  void undrivenRead() {
    assertTrue(
        single(UndrivenWire::new, "UNDRIVEN READ")
            .message()
            .contains("wire 'w' is read but never assigned"));
  }

  // ---- DUPLICATE NAME, KEYWORD NAME, FOREIGN SIGNAL
  // ----------------------------------------------------

  static final class Duplicate extends Module {
    final UInt a = in("a", 4);
    final UInt y = out("a", 4); // BUG: DUPLICATE NAME

    Duplicate() {
      y.assign(a);
    }
  }

  static final class KeywordNames extends Module {
    final UInt reg = in("reg", 4); // BUG: KEYWORD NAME
    final UInt y = out("y", 4);

    KeywordNames() {
      y.assign(reg);
    }
  }

  static final class Inner extends Module {
    final UInt a = in("a", 4);
    final UInt y = out("y", 4);
    final UInt hidden;

    Inner() {
      hidden = wire("hidden", 4);
      hidden.assign(a);
      y.assign(hidden);
    }
  }

  static final class ReadsChildInternal extends Module {
    final UInt a = in("a", 4);
    final UInt y = out("y", 4);

    ReadsChildInternal() {
      Inner i = instance("inner", new Inner());
      i.a.assign(a);
      y.assign(i.hidden); // BUG: FOREIGN SIGNAL
    }
  }

  @Test
  void duplicateName() {
    assertTrue(single(Duplicate::new, "DUPLICATE NAME").message().contains("'a' is already used"));
  }

  @Test
  void keywordNameIsAWarningNotAnError() {
    Design d = Elaborator.elaborate(new KeywordNames());
    List<Diagnostic> w = d.warnings();
    assertEquals(1, w.size(), w.toString());
    assertEquals("KEYWORD NAME", w.get(0).ruleId());
    assertTrue(w.get(0).message().contains("emitted as 'reg_'"));
    assertEquals(markerLine("KEYWORD NAME"), w.get(0).location().line());
  }

  @Test
  void foreignSignal() {
    Diagnostic d = single(ReadsChildInternal::new, "FOREIGN SIGNAL");
    assertTrue(d.message().contains("'hidden', internal wire of instance 'inner'"), d.render());
  }

  // ---- several errors at once
  // ---------------------------------------------------------------------------

  static final class ManyErrors extends Module {
    final UInt a = in("a", 8);
    final UInt y = out("y", 4);
    final UInt z = out("z", 4);

    ManyErrors() {
      y.assign(a);
      UInt w = wire("w", 4);
      when(a.bit(0), () -> w.assign(a.bits(3, 0)));
      z.assign(w);
    }
  }

  @Test
  void allFindingsAreReportedTogether() {
    ElaborationException e =
        assertThrows(ElaborationException.class, () -> Elaborator.elaborate(new ManyErrors()));
    List<String> ids =
        e.diagnostics().stream().map(Diagnostic::ruleId).collect(Collectors.toList());
    assertTrue(ids.contains("WIDTH MISMATCH") && ids.contains("LATCH"), ids.toString());
    assertTrue(
        e.getMessage().startsWith("elaboration of ManyErrors failed with 2 errors"),
        e.getMessage());
  }

  @Test
  void everyRuleHasAnIdAndSummary() {
    List<String> lines = CheckRun.describeRules();
    assertEquals(Rules.builtIn().size(), lines.size());
    for (Rule r : Rules.builtIn()) {
      assertTrue(r.id().matches("[A-Z ]+"), r.id());
      assertFalse(r.summary().isEmpty());
    }
  }

  // ---- helpers
  // ------------------------------------------------------------------------------------------

  private static void assertClean(Supplier<Module> design) {
    Design d = Elaborator.elaborate(design.get());
    assertTrue(d.warnings().isEmpty(), d.warnings().toString());
  }

  /** Elaborates, expects failure with exactly one finding of {@code rule}, at its marker line. */
  private static Diagnostic single(Supplier<Module> design, String rule) {
    ElaborationException e =
        assertThrows(ElaborationException.class, () -> Elaborator.elaborate(design.get()));
    List<Diagnostic> ofRule =
        e.diagnostics().stream().filter(d -> d.ruleId().equals(rule)).collect(Collectors.toList());
    assertEquals(1, ofRule.size(), e.getMessage());
    Diagnostic d = ofRule.get(0);
    assertEquals("RulesTest.java", d.location().file());
    assertTrue(
        markerLines(rule).contains(d.location().line()),
        "expected the finding at a '// BUG: "
            + rule
            + "' line, got "
            + d.location()
            + "\n"
            + d.render());
    assertTrue(d.render().startsWith("[" + rule + "] RulesTest.java:"), d.render());
    assertFalse(d.fix() == null || d.fix().isEmpty(), "a fix is suggested");
    return d;
  }

  private static int markerLine(String rule) {
    return markerLines(rule).get(0);
  }

  private static List<Integer> markerLines(String rule) {
    try {
      List<String> lines = Files.readAllLines(SOURCE);
      List<Integer> out = new java.util.ArrayList<>();
      for (int i = 0; i < lines.size(); i++) {
        if (lines.get(i).endsWith("// BUG: " + rule)) {
          out.add(i + 1);
        }
      }
      return out;
    } catch (IOException e) {
      throw new AssertionError("cannot read " + SOURCE.toAbsolutePath(), e);
    }
  }
}

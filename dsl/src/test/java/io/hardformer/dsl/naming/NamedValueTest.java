package io.hardformer.dsl.naming;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hardformer.dsl.Bool;
import io.hardformer.dsl.HardwareMisuseException;
import io.hardformer.dsl.Module;
import io.hardformer.dsl.UInt;
import io.hardformer.dsl.elaborate.Design;
import io.hardformer.dsl.elaborate.Elaborator;
import io.hardformer.dsl.ir.Assign;
import io.hardformer.dsl.ir.Signal;
import io.hardformer.dsl.ir.SignalKind;
import io.hardformer.dsl.ir.StatementVisitor;
import io.hardformer.dsl.ir.Switch;
import io.hardformer.dsl.sim.IrSimulator;
import java.math.BigInteger;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * {@code .named(...)}: a renamable wire driven at the top level, same behaviour, misuse fails at
 * the call.
 */
class NamedValueTest {
  static final class Sum extends Module {
    final UInt a = in("a", 8);
    final UInt b = in("b", 8);
    final Bool sel = in("sel");
    final UInt y = out("y", 9);

    Sum() {
      UInt s = a.add(b).named("s");
      UInt t = a.add(b).named("s"); // same wish twice: no DUPLICATE NAME, the emitter suffixes it
      when(sel, () -> y.assign(s.add(lit(1, 9)).trunc(9).named("inc")))
          .otherwise(() -> y.assign(t));
    }
  }

  static final class BadName extends Module {
    final UInt a = in("a", 8);

    BadName(String name) {
      a.not().named(name);
    }
  }

  @Test
  void namedValuesAreRenamableTopLevelWires() {
    Design d = Elaborator.elaborate(new Sum()); // throws on any error diagnostic
    List<Signal> named =
        d.top().body().signals().stream().filter(Signal::renamable).collect(Collectors.toList());
    assertEquals(
        List.of("s", "s", "inc"), named.stream().map(Signal::name).collect(Collectors.toList()));
    assertTrue(named.stream().allMatch(s -> s.kind() == SignalKind.WIRE));
    long topLevelAssigns =
        d.top().body().statements().stream().filter(st -> st.accept(IS_ASSIGN)).count();
    assertEquals(3, topLevelAssigns, "the value named inside when(...) is driven outside it");
  }

  @Test
  void behaviourIsUnchanged() {
    IrSimulator sim = new IrSimulator(Elaborator.elaborate(new Sum()));
    sim.poke("a", BigInteger.valueOf(200));
    sim.poke("b", BigInteger.valueOf(100));
    sim.poke("sel", BigInteger.ZERO);
    assertEquals(BigInteger.valueOf(300), sim.peek("y"));
    sim.poke("sel", BigInteger.ONE);
    assertEquals(BigInteger.valueOf(301), sim.peek("y"));
  }

  @Test
  void illegalNameFailsAtTheCallWithTheFix() {
    HardwareMisuseException e =
        assertThrows(HardwareMisuseException.class, () -> new BadName("2x"));
    assertTrue(
        e.getMessage().startsWith("NamedValueTest.java:" + line("a.not().named(name)")),
        e.getMessage());
    assertTrue(e.getMessage().contains("named(\"2x\"): not a legal Verilog name"), e.getMessage());
  }

  @Test
  void keywordFailsAtTheCallWithTheFix() {
    HardwareMisuseException e =
        assertThrows(HardwareMisuseException.class, () -> new BadName("wire"));
    assertTrue(
        e.getMessage().startsWith("NamedValueTest.java:" + line("a.not().named(name)")),
        e.getMessage());
    assertTrue(e.getMessage().contains("'wire' is a reserved word"), e.getMessage());
    assertTrue(e.getMessage().contains("choose another name"), e.getMessage());
  }

  private static final StatementVisitor<Boolean> IS_ASSIGN =
      new StatementVisitor<>() {
        @Override
        public Boolean visitAssign(Assign s) {
          return true;
        }

        @Override
        public Boolean visitSwitch(Switch s) {
          return false;
        }
      };

  private static int line(String text) {
    try {
      List<String> lines =
          java.nio.file.Files.readAllLines(
              java.nio.file.Path.of("src/test/java/io/hardformer/dsl/naming/NamedValueTest.java"));
      for (int i = 0; i < lines.size(); i++) {
        if (lines.get(i).contains(text) && !lines.get(i).contains("line(")) {
          return i + 1;
        }
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    throw new AssertionError("no line with " + text);
  }
}

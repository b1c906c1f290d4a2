package io.hardformer.dsl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hardformer.dsl.diagnostic.Diagnostic;
import io.hardformer.dsl.elaborate.Design;
import io.hardformer.dsl.elaborate.ElaborationException;
import io.hardformer.dsl.elaborate.Elaborator;
import io.hardformer.dsl.elaborate.ModuleDef;
import io.hardformer.dsl.ir.SourceLocation;
import io.hardformer.dsl.sim.IrSimulator;
import java.math.BigInteger;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Definition/Instance: one constructed module instantiated many times. The body is shared (built,
 * located and checked once), every instance has its own ports and its own state, and mistakes in
 * the connections name the user's line.
 */
class DefinitionTest {
  /** A multiply-accumulate cell: a passes right, the sum is an output. */
  static final class Mac extends Module {
    final UInt a = in("a", 8);
    final UInt b = in("b", 8);
    final Bool clear = in("clear");
    final UInt aOut = out("a_out", 8);
    final UInt acc = out("acc", 20);
    final int latency = 1;

    Mac() {
      UInt sum = reg("sum", 20, 0); // LINE: mac-sum
      UInt product = a.mul(b).zext(20);
      sum.next(mux(clear, product, sum.add(product).trunc(20)));
      aOut.assign(a);
      acc.assign(sum);
    }
  }

  /** A row of n MACs from one definition; a enters on the left and passes right. */
  static final class MacRow extends Module {
    final UInt a = in("a", 8);
    final Bool clear = in("clear");
    final List<UInt> b;
    final List<UInt> acc;

    MacRow(int n) {
      Definition<Mac> mac = definition(Mac::new);
      b = new java.util.ArrayList<>();
      acc = new java.util.ArrayList<>();
      UInt left = a;
      for (int i = 0; i < n; i++) {
        Instance<Mac> cell = instance("mac_" + i, mac); // LINE: row-instance
        b.add(in("b" + i, 8));
        cell.port(m -> m.a).assign(left);
        cell.port(m -> m.b).assign(b.get(i));
        cell.port(m -> m.clear).assign(clear);
        acc.add(out("acc" + i, 20));
        acc.get(i).assign(cell.port(m -> m.acc));
        left = cell.port(m -> m.aOut);
      }
    }
  }

  /** The same row written the classic way: one new Mac per position. */
  static final class ClassicRow extends Module {
    ClassicRow(int n) {
      UInt a = in("a", 8);
      Bool clear = in("clear");
      UInt left = a;
      for (int i = 0; i < n; i++) {
        Mac cell = instance("mac_" + i, new Mac());
        UInt bi = in("b" + i, 8);
        cell.a.assign(left);
        cell.b.assign(bi);
        cell.clear.assign(clear);
        UInt acc = out("acc" + i, 20);
        acc.assign(cell.acc);
        left = cell.aOut;
      }
    }
  }

  @Test
  void oneBodyIsSharedByEveryInstanceAndTheyAreOneModule() {
    Design d = Elaborator.elaborate(new MacRow(4));
    List<io.hardformer.dsl.ir.Instance> cells = d.top().body().instances();
    assertEquals(4, cells.size());
    for (io.hardformer.dsl.ir.Instance c : cells) {
      assertSame(cells.get(0).body(), c.body(), "one frozen body for all instances");
    }
    assertTrue(cells.get(0).ports().get(0) != cells.get(1).ports().get(0), "ports per instance");
    ModuleDef mac = d.defOf(cells.get(0).body());
    assertEquals(4, mac.instanceCount());
    assertEquals(2, d.modules().size(), "the row and one Mac module");
    int line = SourceLines.lineOf("DefinitionTest", "row-instance");
    for (io.hardformer.dsl.ir.Instance c : cells) {
      assertEquals(new SourceLocation("DefinitionTest.java", line), c.location());
    }
    // the body keeps the lines of its own construction
    int sumLine = SourceLines.lineOf("DefinitionTest", "mac-sum");
    assertEquals(
        sumLine,
        cells.get(0).body().signals().stream()
            .filter(s -> s.name().equals("sum"))
            .findFirst()
            .orElseThrow()
            .location()
            .line());
  }

  @Test
  void everyInstanceHasItsOwnStateAndComputesLikeTheClassicRow() {
    int n = 3;
    IrSimulator shared = new IrSimulator(Elaborator.elaborate(new MacRow(n)));
    IrSimulator classic = new IrSimulator(Elaborator.elaborate(new ClassicRow(n)));
    Random random = new Random(18);
    for (int cycle = 0; cycle < 40; cycle++) {
      BigInteger a = BigInteger.valueOf(random.nextInt(256));
      BigInteger clear = BigInteger.valueOf(cycle % 11 == 0 ? 1 : 0);
      for (IrSimulator sim : List.of(shared, classic)) {
        sim.poke("a", a);
        sim.poke("clear", clear);
      }
      for (int i = 0; i < n; i++) {
        BigInteger b = BigInteger.valueOf(random.nextInt(256));
        shared.poke("b" + i, b);
        classic.poke("b" + i, b);
      }
      shared.step();
      classic.step();
      for (int i = 0; i < n; i++) {
        assertEquals(classic.peek("acc" + i), shared.peek("acc" + i), "acc" + i + " @" + cycle);
      }
    }
    // the cells hold different sums: each instance has its own register
    shared.poke("clear", BigInteger.ZERO);
    shared.poke("a", BigInteger.ONE);
    shared.poke("b0", BigInteger.ONE);
    shared.poke("b1", BigInteger.TWO);
    shared.poke("b2", BigInteger.ZERO);
    shared.poke("clear", BigInteger.ONE);
    shared.step();
    assertEquals(BigInteger.ONE, shared.peek("acc0"));
    assertEquals(BigInteger.TWO, shared.peek("acc1"));
    assertEquals(BigInteger.ZERO, shared.peek("acc2"));
  }

  @Test
  void anUnconnectedInputOfOneInstanceNamesThatInstanceAndItsLine() {
    ElaborationException e =
        assertThrows(
            ElaborationException.class,
            () ->
                Elaborator.elaborate(
                    new Module() {
                      {
                        Definition<Mac> mac = definition(Mac::new);
                        Instance<Mac> first = instance("first", mac);
                        Instance<Mac> second = instance("second", mac); // LINE: unconnected
                        for (Instance<Mac> m : List.of(first, second)) {
                          m.port(c -> c.a).assign(lit(1, 8));
                          m.port(c -> c.clear).assign(bool(false));
                        }
                        first.port(c -> c.b).assign(lit(2, 8));
                        UInt y = out("y", 40);
                        y.assign(first.port(c -> c.acc).cat(second.port(c -> c.acc)));
                      }
                    }));
    List<Diagnostic> errors = e.diagnostics().stream().filter(Diagnostic::isError).toList();
    assertEquals(1, errors.size(), e.getMessage());
    Diagnostic d = errors.get(0);
    assertEquals("UNCONNECTED", d.ruleId());
    assertTrue(d.message().contains("input 'b' of instance 'second'"), d.message());
    assertEquals(SourceLines.lineOf("DefinitionTest", "unconnected"), d.location().line());
  }

  @Test
  void aConnectionOfTheWrongWidthIsReportedAtItsLine() {
    ElaborationException e =
        assertThrows(
            ElaborationException.class,
            () ->
                Elaborator.elaborate(
                    new Module() {
                      {
                        Instance<Mac> m = instance("m", definition(Mac::new));
                        m.port(c -> c.a).assign(lit(1, 9)); // LINE: too-wide
                        m.port(c -> c.b).assign(lit(1, 8));
                        m.port(c -> c.clear).assign(bool(false));
                        out("y", 20).assign(m.port(c -> c.acc));
                      }
                    }));
    Diagnostic d = e.diagnostics().get(0);
    assertEquals(SourceLines.lineOf("DefinitionTest", "too-wide"), d.location().line(), d.render());
    assertTrue(d.message().contains("9") && d.message().contains("8"), d.message());
  }

  @Test
  void aCombinationalLoopThroughTwoInstancesIsFound() {
    ElaborationException e =
        assertThrows(
            ElaborationException.class,
            () ->
                Elaborator.elaborate(
                    new Module() {
                      {
                        Definition<Mac> mac = definition(Mac::new);
                        Instance<Mac> p = instance("p", mac);
                        Instance<Mac> q = instance("q", mac);
                        p.port(c -> c.a).assign(q.port(c -> c.aOut));
                        q.port(c -> c.a).assign(p.port(c -> c.aOut));
                        for (Instance<Mac> m : List.of(p, q)) {
                          m.port(c -> c.b).assign(lit(1, 8));
                          m.port(c -> c.clear).assign(bool(false));
                        }
                        out("y", 20).assign(p.port(c -> c.acc));
                        out("z", 20).assign(q.port(c -> c.acc));
                      }
                    }));
    assertTrue(e.diagnostics().stream().anyMatch(d -> d.ruleId().contains("LOOP")), e.getMessage());
  }

  @Test
  void selectingSomethingOtherThanAPortFailsAtTheCall() {
    HardwareMisuseException e =
        assertThrows(
            HardwareMisuseException.class,
            () ->
                new Module() {
                  {
                    Instance<Mac> m = instance("m", definition(Mac::new));
                    m.port(c -> c.a.not()); // MISUSE: not-a-port
                  }
                });
    assertEquals(SourceLines.lineOf("DefinitionTest", "not-a-port"), e.location().line());
    assertTrue(
        e.getMessage().contains("not a port of Mac") && e.getMessage().contains("m.port(m -> m."),
        e.getMessage());
  }

  @Test
  void aPortReadThroughTheDefinitionsModuleIsRejected() {
    ElaborationException e =
        assertThrows(
            ElaborationException.class,
            () ->
                Elaborator.elaborate(
                    new Module() {
                      {
                        Definition<Mac> mac = definition(Mac::new);
                        Instance<Mac> m = instance("m", mac);
                        m.port(c -> c.a).assign(lit(1, 8));
                        m.port(c -> c.b).assign(lit(1, 8));
                        m.port(c -> c.clear).assign(bool(false));
                        out("y", 20).assign(mac.module().acc); // LINE: through-module
                      }
                    }));
    Diagnostic d = e.diagnostics().get(0);
    assertEquals("FOREIGN SIGNAL", d.ruleId());
    assertEquals(SourceLines.lineOf("DefinitionTest", "through-module"), d.location().line());
    assertTrue(d.fix().contains("m.port(m -> m."), d.fix());
  }

  @Test
  void aModuleAlreadyInstantiatedCannotBecomeADefinition() {
    HardwareMisuseException e =
        assertThrows(
            HardwareMisuseException.class,
            () ->
                new Module() {
                  {
                    Mac used = instance("used", new Mac());
                    definition(() -> used); // MISUSE: used-module
                  }
                });
    assertEquals(SourceLines.lineOf("DefinitionTest", "used-module"), e.location().line());
    assertTrue(e.getMessage().contains("already instantiated"), e.getMessage());
  }

  @Test
  void theDefinitionsModuleGivesItsJavaFigures() {
    Definition<Mac> d = Module.definition(Mac::new);
    assertEquals(1, d.module().latency);
    assertEquals("Mac", d.kindName());
  }
}

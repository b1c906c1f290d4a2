package io.hardformer.dsl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hardformer.dsl.elaborate.Design;
import io.hardformer.dsl.elaborate.Elaborator;
import io.hardformer.dsl.ir.Signal;
import io.hardformer.dsl.ir.SignalKind;
import io.hardformer.dsl.ir.TypeKind;
import io.hardformer.dsl.sim.IrSimulator;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

/** exposePorts brings a child's ports out under a prefix: same types, inputs in, outputs out. */
class ExposePortsTest {
  /** Accumulates a signed input; ports of three families. */
  static final class Acc extends Module {
    final SInt a = in("a", HwType.sint(6));
    final Bool en = in("en");
    final UInt sum = out("sum", 8);

    Acc() {
      UInt s = reg("s", 8, 0);
      when(en, () -> s.next(s.add(a.sext(8).asUInt()).trunc(8)));
      sum.assign(s);
    }
  }

  static final class Wrapper extends Module {
    Wrapper() {
      exposePorts("x_", instance("u_x", new Acc()));
      exposePorts("y_", instance("u_y", new Acc()));
    }
  }

  @Test
  void everyPortOfEachChildIsATopPortUnderItsPrefixAndDrivesOrReadsTheChild() {
    Design d = Elaborator.elaborate(new Wrapper());
    List<Signal> ports = d.top().body().ports();
    assertEquals(
        List.of("x_a", "x_en", "x_sum", "y_a", "y_en", "y_sum"),
        ports.stream().map(Signal::name).toList());
    assertEquals(TypeKind.SINT, ports.get(0).type());
    assertEquals(SignalKind.OUTPUT, ports.get(2).kind());
    assertEquals(8, ports.get(2).width());
    assertEquals(1, d.modules().size() - 1, "the two accumulators are one module");
    IrSimulator sim = new IrSimulator(d);
    sim.poke("x_a", BigInteger.valueOf(5));
    sim.poke("x_en", BigInteger.ONE);
    sim.poke("y_a", BigInteger.valueOf(63)); // -1 in 6 bits
    sim.poke("y_en", BigInteger.ONE);
    sim.step();
    sim.step();
    assertEquals(BigInteger.valueOf(10), sim.peek("x_sum"));
    assertEquals(BigInteger.valueOf(254), sim.peek("y_sum"), "-2 in 8 bits: each its own child");
  }

  @Test
  void aModuleThatIsNotAnInstanceIsRefusedAtTheCall() {
    Acc loose = new Acc();
    HardwareMisuseException e =
        assertThrows(
            HardwareMisuseException.class,
            () ->
                new Module() {
                  {
                    exposePorts("p_", loose);
                  }
                });
    assertTrue(
        e.getMessage().contains("is not an instance of")
            && e.getMessage().contains("adopt it with instance(name, child) first"),
        e.getMessage());
  }
}

package io.hardformer.dsl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.hardformer.dsl.elaborate.Elaborator;
import io.hardformer.dsl.ir.Signal;
import io.hardformer.dsl.sim.IrSimulator;
import java.math.BigInteger;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * pipe (valid with reset, data enabled by valid without reset, latency carried), delay,
 * inc/addWrap.
 */
class PipelineHelpersTest {
  static final class Word extends Bundle<Word> {
    static final BundleType<Word> TYPE = BundleType.of(Word::new);
    final UInt data;

    private Word(Fields f) {
      super(f);
      data = f.uint("data", 8);
    }
  }

  static final class Piped extends Module {
    final Valid<Word> in = inValid("in", Word.TYPE, StreamPorts.DEFAULT);
    final Valid<Word> out = outValid("out", Word.TYPE, StreamPorts.DEFAULT);
    final int latency;

    Piped(int stages) {
      Valid<Word> p = pipe("s", Valid.of(in.valid(), in.payload()), stages);
      Valid<Word> q = pipe("t", p, 1);
      out.valid().assign(q.valid());
      out.payload().assign(q.payload());
      latency = q.latency();
      timing(q.latency(), 1);
    }
  }

  @Test
  void pipeCarriesItsLatencyAndResetsOnlyValid() {
    Piped m = new Piped(2);
    assertEquals(3, m.latency);
    assertEquals(3, m.freeze().timing().latency());
    Map<String, Signal> regs =
        m.freeze().signals().stream().collect(Collectors.toMap(Signal::name, Function.identity()));
    assertEquals(BigInteger.ZERO, regs.get("s0_valid").reset());
    assertEquals(BigInteger.ZERO, regs.get("t_valid").reset());
    assertNull(regs.get("s1_data").reset());
    assertNull(regs.get("t_data").reset());
  }

  @Test
  void pipeDataLoadsOnlyWhenValid() {
    IrSimulator sim = new IrSimulator(Elaborator.elaborate(new Piped(0)));
    sim.poke("in_valid", BigInteger.ONE);
    sim.poke("in_data", BigInteger.valueOf(7));
    sim.step();
    sim.poke("in_valid", BigInteger.ZERO);
    sim.poke("in_data", BigInteger.valueOf(99));
    assertEquals(BigInteger.ONE, sim.peek("out_valid"));
    assertEquals(BigInteger.valueOf(7), sim.peek("out_data"));
    sim.step();
    assertEquals(BigInteger.ZERO, sim.peek("out_valid"));
    assertEquals(BigInteger.valueOf(7), sim.peek("out_data"), "held: not loaded while invalid");
  }

  static final class Delayed extends Module {
    final UInt a = in("a", 4);
    final Bool v = in("v");
    final UInt y = out("y", 4);
    final Bool yv = out("yv");

    Delayed() {
      y.assign(delay("a_d", a, 3));
      yv.assign(delay("v_d", v, 3, false));
    }
  }

  @Test
  void delayIsAChainOfNamedRegisters() {
    Delayed m = new Delayed();
    assertEquals(
        java.util.List.of("a_d0", "a_d1", "a_d2", "v_d0", "v_d1", "v_d2"),
        m.freeze().signals().stream().map(Signal::name).toList());
    IrSimulator sim = new IrSimulator(Elaborator.elaborate(new Delayed()));
    sim.poke("a", BigInteger.valueOf(9));
    sim.step();
    sim.poke("a", BigInteger.ZERO);
    sim.step();
    assertEquals(BigInteger.ZERO, sim.peek("y"));
    sim.step();
    assertEquals(BigInteger.valueOf(9), sim.peek("y"));
  }

  static final class Counter extends Module {
    final UInt count = out("count", 3);
    final UInt step2 = out("step2", 3);

    Counter() {
      UInt c = reg("c", 3, 6);
      c.next(c.inc());
      count.assign(c);
      step2.assign(c.addWrap(lit(2, 2)));
    }
  }

  @Test
  void incAndAddWrapKeepTheWidthAndWrap() {
    IrSimulator sim = new IrSimulator(Elaborator.elaborate(new Counter()));
    sim.poke("rst", BigInteger.ONE);
    sim.step();
    sim.poke("rst", BigInteger.ZERO);
    assertEquals(BigInteger.valueOf(6), sim.peek("count"));
    assertEquals(BigInteger.ZERO, sim.peek("step2"));
    sim.step();
    assertEquals(BigInteger.valueOf(7), sim.peek("count"));
    sim.step();
    assertEquals(BigInteger.ZERO, sim.peek("count"));
    assertEquals(3, new Counter().count.width());
  }

  static final class WideAddWrap extends Module {
    WideAddWrap() {
      UInt a = in("a", 3);
      a.addWrap(lit(9, 4)); // MISUSE: wide-addwrap
    }
  }

  @Test
  void addWrapOfAWiderOperandFails() {
    HardwareMisuseException e = assertThrows(HardwareMisuseException.class, WideAddWrap::new);
    assertEquals(SourceLines.lineOf("PipelineHelpersTest", "wide-addwrap"), e.location().line());
  }
}

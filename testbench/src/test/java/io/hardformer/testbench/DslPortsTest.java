package io.hardformer.testbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.hardformer.dsl.Bool;
import io.hardformer.dsl.Bundle;
import io.hardformer.dsl.BundleType;
import io.hardformer.dsl.Fields;
import io.hardformer.dsl.Module;
import io.hardformer.dsl.UInt;
import io.hardformer.generators.examples.Fifo;
import io.hardformer.generators.examples.Pipeline;
import java.math.BigInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Ports addressed by the DUT's Java objects instead of strings: single ports, whole bundles, and
 * stream runs set up from Valid/Stream interfaces. On the Java backend (no Verilator needed).
 */
class DslPortsTest {
  private static final TestbenchOptions JAVA =
      TestbenchOptions.defaults().withBackend(Backend.JAVA);

  static final class Pair extends Bundle<Pair> {
    static final BundleType<Pair> TYPE = BundleType.of(Pair::new);
    final UInt lo;
    final Bool flag;
    final UInt hi;

    private Pair(Fields f) {
      super(f);
      lo = f.uint("lo", 4);
      flag = f.bool("flag");
      hi = f.uint("hi", 3);
    }
  }

  /**
   * Swaps lo and hi (low 3 bits) and inverts flag; {@code delete} is a C++ keyword, emitted
   * renamed.
   */
  static final class Swap extends Module {
    final Pair a = in("a", Pair.TYPE);
    final Pair y = out("y", Pair.TYPE);
    final UInt delete = in("delete", 2);
    final UInt self = out("this", 2);

    Swap() {
      y.lo.assign(a.hi.zext(4));
      y.hi.assign(a.lo.trunc(3));
      y.flag.assign(a.flag.not());
      self.assign(delete.inc());
    }
  }

  @Test
  void pokeAndPeekByObject() {
    Swap dut = new Swap();
    try (Testbench tb = Testbench.of(dut, JAVA)) {
      tb.poke(dut.a.lo, 5).poke(dut.a.hi, 6).poke(dut.a.flag, 0);
      assertEquals(6, tb.peekLong(dut.y.lo));
      assertEquals(5, tb.peekLong(dut.y.hi));
      tb.expect(dut.y.flag, 1);
    }
  }

  @Test
  @Tag("verilator")
  void keywordPortsAreFoundUnderTheirEmittedNames() {
    Swap dut = new Swap();
    try (Testbench tb = Testbench.of(dut)) {
      tb.poke(dut.delete, 3);
      assertEquals(0, tb.peekLong(dut.self), "delete_ and this_ in the Verilog");
      tb.poke(dut.delete, 1);
      assertEquals(2, tb.peekLong(dut.self));
    }
  }

  @Test
  void wholeBundlesPackFirstFieldLowest() {
    Swap dut = new Swap();
    try (Testbench tb = Testbench.of(dut, JAVA)) {
      // lo = 0xA, flag = 1, hi = 0x3: 0b011_1_1010
      tb.poke(dut.a, BigInteger.valueOf(0b011_1_1010));
      // y: lo = 3, flag = 0, hi = 0xA & 7 = 2
      assertEquals(BigInteger.valueOf(0b010_0_0011), tb.peek(dut.y));
      assertThrows(AssertionError.class, () -> tb.poke(dut.a, BigInteger.ONE.shiftLeft(8)));
    }
  }

  @Test
  void operatorResultsAreNotPorts() {
    Swap dut = new Swap();
    try (Testbench tb = Testbench.of(dut, JAVA)) {
      assertThrows(IllegalArgumentException.class, () -> tb.peek(dut.a.lo.not()));
    }
  }

  @Test
  void validOnlyStreamFromInterfaces() {
    Pipeline dut = new Pipeline(8, 3);
    try (Testbench tb = Testbench.of(dut, JAVA)) {
      tb.reset();
      Stream s = tb.stream(dut.in, dut.out).bubbles(0.3);
      for (int i = 0; i < 50; i++) {
        s.send(i);
      }
      StreamRun run = s.run().expectLatency(3);
      for (int i = 0; i < 50; i++) {
        assertEquals(i + 3, run.output(i)[0].intValue());
      }
    }
  }

  @Test
  void readyValidStreamFromInterfaces() {
    Fifo dut = new Fifo(8, 2);
    try (Testbench tb = Testbench.of(dut, JAVA)) {
      tb.reset();
      Stream s = tb.stream(dut.in, dut.out).bubbles(0.2).backpressure(0.5);
      for (int i = 0; i < 60; i++) {
        s.send(i * 3 % 256);
      }
      assertEquals(
          java.util.stream.IntStream.range(0, 60).mapToObj(i -> (long) (i * 3 % 256)).toList(),
          s.run().outputsLong());
    }
  }
}

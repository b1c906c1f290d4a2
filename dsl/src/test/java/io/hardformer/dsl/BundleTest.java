package io.hardformer.dsl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hardformer.dsl.elaborate.Elaborator;
import io.hardformer.dsl.ir.Signal;
import io.hardformer.dsl.ir.SignalKind;
import io.hardformer.dsl.sim.IrSimulator;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Bundles: flattened ports, registers, views over bits, mux arms, whole-bundle assignment, misuse.
 */
class BundleTest {
  /** An IEEE binary32 layout, as in the docs. */
  static final class Single extends Bundle<Single> {
    static final BundleType<Single> LAYOUT = BundleType.of(Single::new);
    final UInt fraction;
    final UInt exponent;
    final Bool sign;

    private Single(Fields f) {
      super(f);
      fraction = f.uint("fraction", 23);
      exponent = f.uint("exponent", 8);
      sign = f.bool("sign");
    }
  }

  /** A parameterized bundle with a nested bundle and a Vec. */
  static final class Packet extends Bundle<Packet> {
    final UInt tag;
    final Single value;
    final Vec<SInt> lanes;

    private Packet(Fields f, int tagBits) {
      super(f);
      tag = f.uint("tag", tagBits);
      value = f.bundle("value", Single.LAYOUT);
      lanes = f.vec("lane", 2, HwType.sint(4));
    }

    static BundleType<Packet> type(int tagBits) {
      return BundleType.of(f -> new Packet(f, tagBits));
    }
  }

  static final class Ports extends Module {
    final Packet a = in("a", Packet.type(3)); // LINE: port-a
    final Packet y = out("y", Packet.type(3));
    final Packet r = reg("r", Packet.type(3));
    final Packet n = regNoReset("n", Packet.type(3));

    Ports() {
      r.next(a);
      n.next(r);
      y.assign(n);
    }
  }

  @Test
  void fieldsFlattenToNameUnderscoreField() {
    Ports m = new Ports();
    List<String> names = m.freeze().ports().stream().map(Signal::name).toList();
    assertEquals(
        List.of(
            "a_tag",
            "a_value_fraction",
            "a_value_exponent",
            "a_value_sign",
            "a_lane_0",
            "a_lane_1",
            "y_tag",
            "y_value_fraction",
            "y_value_exponent",
            "y_value_sign",
            "y_lane_0",
            "y_lane_1"),
        names);
    assertEquals(3 + 32 + 8, m.a.width());
    assertEquals("a_value_exponent", m.freeze().ports().get(2).name());
    assertEquals(8, m.freeze().ports().get(2).width());
    for (int i = 0; i < 6; i++) {
      assertEquals(
          SourceLines.lineOf("BundleTest", "port-a"),
          m.freeze().ports().get(i).location().line(),
          "fields point at the declaration, not at the bundle class");
    }
  }

  @Test
  void registerBundlesResetToZeroOrNotAtAll() {
    Ports m = new Ports();
    for (Signal s : m.freeze().signals()) {
      assertEquals(SignalKind.REGISTER, s.kind());
      if (s.name().startsWith("r_")) {
        assertEquals(BigInteger.ZERO, s.reset(), s.name());
      } else {
        assertNull(s.reset(), s.name());
      }
    }
    assertEquals(12, m.freeze().signals().size());
  }

  static final class PerFieldReset extends Module {
    final Single y = out("y", Single.LAYOUT);

    PerFieldReset() {
      Single r = reg("r", Single.LAYOUT, s -> Map.of(s.exponent, 127L, s.sign, 1L));
      r.next(r);
      y.assign(r);
    }
  }

  @Test
  void registerBundlesTakeAResetPerFieldOrNone() {
    Map<String, BigInteger> resets = new java.util.HashMap<>();
    for (Signal s : new PerFieldReset().freeze().signals()) {
      resets.put(s.name(), s.reset());
    }
    assertNull(resets.get("r_fraction"));
    assertEquals(BigInteger.valueOf(127), resets.get("r_exponent"));
    assertEquals(BigInteger.ONE, resets.get("r_sign"));
    IrSimulator sim = new IrSimulator(Elaborator.elaborate(new PerFieldReset()));
    sim.poke("rst", BigInteger.ONE);
    sim.step();
    assertEquals(BigInteger.valueOf(127), sim.peek("y_exponent"));
    assertEquals(BigInteger.ONE, sim.peek("y_sign"));
  }

  static final class ForeignReset extends Module {
    ForeignReset() {
      UInt other = in("other", 8);
      reg("r", Single.LAYOUT, s -> Map.of(other, 1L)); // MISUSE: foreign-reset
    }
  }

  @Test
  void resetMapKeysMustBeTheBundlesFields() {
    HardwareMisuseException e = assertThrows(HardwareMisuseException.class, ForeignReset::new);
    assertEquals(SourceLines.lineOf("BundleTest", "foreign-reset"), e.location().line());
  }

  @Test
  void wholeBundleAssignmentMovesEveryField() {
    IrSimulator sim = new IrSimulator(Elaborator.elaborate(new Ports()));
    sim.poke("a_tag", BigInteger.valueOf(5));
    sim.poke("a_value_exponent", BigInteger.valueOf(0x81));
    sim.poke("a_lane_1", BigInteger.valueOf(9));
    sim.step();
    sim.step();
    assertEquals(BigInteger.valueOf(5), sim.peek("y_tag"));
    assertEquals(BigInteger.valueOf(0x81), sim.peek("y_value_exponent"));
    assertEquals(BigInteger.valueOf(9), sim.peek("y_lane_1"));
  }

  static final class View extends Module {
    final UInt word = in("word", 32);
    final UInt exponent = out("exponent", 8);
    final Bool sign = out("sign");
    final UInt repacked = out("repacked", 32);

    View() {
      Single s = word.as(Single.LAYOUT);
      exponent.assign(s.exponent);
      sign.assign(s.sign);
      repacked.assign(s.asUInt());
    }
  }

  @Test
  void viewSlicesFieldsFirstFieldLowest() {
    IrSimulator sim = new IrSimulator(Elaborator.elaborate(new View()));
    long code = Float.floatToRawIntBits(-6.5f) & 0xFFFFFFFFL;
    sim.poke("word", BigInteger.valueOf(code));
    assertEquals(BigInteger.valueOf((code >>> 23) & 0xFF), sim.peek("exponent"));
    assertEquals(BigInteger.ONE, sim.peek("sign"));
    assertEquals(BigInteger.valueOf(code), sim.peek("repacked"));
    assertEquals(32, Single.LAYOUT.width());
    assertEquals(
        "Single[fraction:Uint(23), exponent:Uint(8), sign:Bool]", Single.LAYOUT.toString());
  }

  static final class Select extends Module {
    final Bool pick = in("pick");
    final Single a = in("a", Single.LAYOUT);
    final Single b = in("b", Single.LAYOUT);
    final Single y = out("y", Single.LAYOUT);

    Select() {
      y.assign(mux(pick, a, b));
    }
  }

  @Test
  void muxOfBundlesSelectsEveryField() {
    IrSimulator sim = new IrSimulator(Elaborator.elaborate(new Select()));
    sim.poke("a_exponent", BigInteger.valueOf(3));
    sim.poke("a_sign", BigInteger.ONE);
    sim.poke("b_exponent", BigInteger.valueOf(200));
    sim.poke("pick", BigInteger.ONE);
    assertEquals(BigInteger.valueOf(3), sim.peek("y_exponent"));
    assertEquals(BigInteger.ONE, sim.peek("y_sign"));
    sim.poke("pick", BigInteger.ZERO);
    assertEquals(BigInteger.valueOf(200), sim.peek("y_exponent"));
    assertEquals(BigInteger.ZERO, sim.peek("y_sign"));
  }

  static final class MuxMismatch extends Module {
    MuxMismatch() {
      Bool s = in("s");
      Packet a = in("a", Packet.type(3));
      Packet b = in("b", Packet.type(4));
      mux(s, a, b); // MISUSE: mux-layouts
    }
  }

  @Test
  void muxOfDifferentLayoutsFailsAtTheUsersLine() {
    HardwareMisuseException e = assertThrows(HardwareMisuseException.class, MuxMismatch::new);
    assertEquals("BundleTest.java", e.location().file());
    assertEquals(SourceLines.lineOf("BundleTest", "mux-layouts"), e.location().line());
    assertTrue(e.getMessage().contains("mux of bundles with different layouts"), e.getMessage());
    assertTrue(
        e.getMessage().contains("tag:Uint(3)") && e.getMessage().contains("tag:Uint(4)"),
        e.getMessage());
  }

  static final class ViewTooNarrow extends Module {
    ViewTooNarrow() {
      UInt w = in("w", 31);
      w.as(Single.LAYOUT); // MISUSE: view-width
    }
  }

  @Test
  void viewOfTheWrongWidthFailsAtTheUsersLine() {
    HardwareMisuseException e = assertThrows(HardwareMisuseException.class, ViewTooNarrow::new);
    assertEquals(SourceLines.lineOf("BundleTest", "view-width"), e.location().line());
    assertTrue(
        e.getMessage().contains("a 31-bit value cannot be viewed as Single"), e.getMessage());
  }

  static final class AssignMismatch extends Module {
    AssignMismatch() {
      Packet a = in("a", Packet.type(3));
      Packet y = out("y", Packet.type(5));
      y.assign(a); // MISUSE: assign-layouts
    }
  }

  @Test
  void assignOfDifferentLayoutsFailsAtTheUsersLine() {
    HardwareMisuseException e = assertThrows(HardwareMisuseException.class, AssignMismatch::new);
    assertEquals(SourceLines.lineOf("BundleTest", "assign-layouts"), e.location().line());
    assertTrue(e.getMessage().startsWith("BundleTest.java:"), e.getMessage());
  }
}

package io.hardformer.dsl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hardformer.dsl.elaborate.Elaborator;
import io.hardformer.dsl.ir.Signal;
import io.hardformer.dsl.ir.SignalKind;
import io.hardformer.dsl.sim.IrSimulator;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Valid and Stream interfaces: port names and directions, fire(), and who may drive ready. */
class StreamTest {
  static final class Beat extends Bundle<Beat> {
    final UInt x;
    final UInt w;

    private Beat(Fields f, int width) {
      super(f);
      x = f.uint("x", width);
      w = f.uint("w", width);
    }

    static BundleType<Beat> type(int width) {
      return BundleType.of(f -> new Beat(f, width));
    }
  }

  /** Sums x and w of each accepted beat; stalls while {@code hold} is high. */
  static final class Adder extends Module {
    final Bool hold = in("hold");
    final Stream<Beat> in =
        inStream("in", Beat.type(4), StreamPorts.DEFAULT.withLast().bareFields());
    final Valid<Beat> out = outValid("out", Beat.type(4), StreamPorts.DEFAULT.withLast());
    final Stream<Beat> side = outStream("side", Beat.type(4), StreamPorts.DEFAULT);

    Adder() {
      in.driveReady(hold.not());
      Bool fire = in.fire();
      out.valid().assign(regNext("v", fire, false));
      out.last().assign(regNext("l", fire.and(in.last()), false));
      out.payload().assign(regNext("p", in.payload()));
      side.valid().assign(bool(false));
      side.payload().x.assign(lit(0, 4));
      side.payload().w.assign(side.ready().asUInt().zext(4));
    }
  }

  @Test
  void portsKeepFlatNamesAndDirections() {
    List<Signal> ports = new Adder().freeze().ports();
    List<String> names = ports.stream().map(Signal::name).toList();
    assertEquals(
        List.of(
            "hold",
            "in_valid",
            "in_ready",
            "in_last",
            "x",
            "w",
            "out_valid",
            "out_last",
            "out_x",
            "out_w",
            "side_valid",
            "side_ready",
            "side_x",
            "side_w"),
        names);
    assertEquals(SignalKind.OUTPUT, ports.get(2).kind());
    assertEquals(SignalKind.INPUT, ports.get(11).kind());
    assertEquals(SignalKind.INPUT, ports.get(4).kind());
    assertEquals(SignalKind.OUTPUT, ports.get(8).kind());
  }

  @Test
  void fireIsValidAndReady() {
    IrSimulator sim = new IrSimulator(Elaborator.elaborate(new Adder()));
    sim.poke("x", BigInteger.valueOf(3));
    sim.poke("in_valid", BigInteger.ONE);
    sim.poke("in_last", BigInteger.ONE);
    sim.poke("hold", BigInteger.ONE);
    assertEquals(BigInteger.ZERO, sim.peek("in_ready"));
    sim.step();
    assertEquals(BigInteger.ZERO, sim.peek("out_valid"));
    sim.poke("hold", BigInteger.ZERO);
    sim.step();
    assertEquals(BigInteger.ONE, sim.peek("out_valid"));
    assertEquals(BigInteger.ONE, sim.peek("out_last"));
    assertEquals(BigInteger.valueOf(3), sim.peek("out_x"));
  }

  static final class ProducerDrivesReady extends Module {
    final Stream<Beat> out = outStream("out", Beat.type(4), StreamPorts.DEFAULT);

    ProducerDrivesReady() {
      out.driveReady(bool(true)); // MISUSE: producer-ready
    }
  }

  @Test
  void readyOfAnOutputStreamCannotBeDrivenInside() {
    HardwareMisuseException e =
        assertThrows(HardwareMisuseException.class, ProducerDrivesReady::new);
    assertEquals(SourceLines.lineOf("StreamTest", "producer-ready"), e.location().line());
    assertTrue(
        e.getMessage().contains("ready of output stream 'out' is driven by its consumer"),
        e.getMessage());
  }

  static final class Consumer extends Module {
    final Stream<Beat> in = inStream("in", Beat.type(4), StreamPorts.DEFAULT);

    Consumer() {
      in.driveReady(bool(true));
    }
  }

  static final class ParentDrivesChildReady extends Module {
    ParentDrivesChildReady() {
      Consumer c = instance("c", new Consumer());
      c.in.driveReady(bool(false)); // MISUSE: parent-ready
    }
  }

  @Test
  void readyOfAChildsInputStreamIsTheChildsToDrive() {
    HardwareMisuseException e =
        assertThrows(HardwareMisuseException.class, ParentDrivesChildReady::new);
    assertEquals(SourceLines.lineOf("StreamTest", "parent-ready"), e.location().line());
    assertTrue(
        e.getMessage().contains("ready of input stream 'in' is driven by Consumer itself"),
        e.getMessage());
  }

  static final class NoMarker extends Module {
    NoMarker() {
      Valid<Beat> v = inValid("in", Beat.type(2), StreamPorts.DEFAULT);
      v.last(); // MISUSE: no-last
    }
  }

  @Test
  void askingForAMissingMarkerFails() {
    HardwareMisuseException e = assertThrows(HardwareMisuseException.class, NoMarker::new);
    assertEquals(SourceLines.lineOf("StreamTest", "no-last"), e.location().line());
    assertTrue(e.getMessage().contains("withLast()"), e.getMessage());
  }
}

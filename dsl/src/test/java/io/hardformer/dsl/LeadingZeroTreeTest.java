package io.hardformer.dsl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.hardformer.dsl.elaborate.Elaborator;
import io.hardformer.dsl.sim.IrSimulator;
import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link UInt#clz()} as a balanced tree counts leading zeros like the reference, for every width.
 */
class LeadingZeroTreeTest {
  static final class Clz extends Module {
    final UInt x;
    final UInt y;

    Clz(int width) {
      x = in("x", width);
      y = out("y", Module.bitsFor(width));
      y.assign(x.clz());
    }
  }

  /**
   * The reference: the position of the highest set bit, counted from the top; the width for zero.
   */
  private static long reference(BigInteger value, int width) {
    return width - value.bitLength();
  }

  private static void check(IrSimulator sim, BigInteger value, int width) {
    sim.poke("x", value);
    assertEquals(
        BigInteger.valueOf(reference(value, width)),
        sim.peek("y"),
        "clz of " + value.toString(2) + " in " + width + " bits");
  }

  @Test
  void everyInputOfWidthsOneToTwelve() {
    for (int width = 1; width <= 12; width++) {
      IrSimulator sim = new IrSimulator(Elaborator.elaborate(new Clz(width)));
      for (long v = 0; v < 1L << width; v++) {
        check(sim, BigInteger.valueOf(v), width);
      }
    }
  }

  @Test
  void randomInputsOfWideWidths() {
    Random random = new Random(13);
    for (int width : new int[] {13, 16, 24, 31, 32, 33, 39, 48, 64, 65, 100, 128}) {
      IrSimulator sim = new IrSimulator(Elaborator.elaborate(new Clz(width)));
      check(sim, BigInteger.ZERO, width);
      for (int i = 0; i < 400; i++) {
        // a random value shifted right by a random amount, so every count occurs
        BigInteger value = new BigInteger(width, random).shiftRight(random.nextInt(width + 1));
        check(sim, value, width);
      }
    }
  }

  @Test
  void resultWidthIsBitsForWidth() {
    for (int width = 1; width <= 70; width++) {
      assertEquals(Module.bitsFor(width), new Clz(width).x.clz().width(), "width " + width);
    }
  }
}

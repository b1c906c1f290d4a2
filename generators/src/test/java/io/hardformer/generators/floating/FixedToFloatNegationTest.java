package io.hardformer.generators.floating;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.hardformer.dsl.Module;
import io.hardformer.dsl.UInt;
import io.hardformer.dsl.elaborate.Elaborator;
import io.hardformer.dsl.sim.IrSimulator;
import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link FixedToFloat#negated} (the prefix-OR negation) equals two's complement negation mod 2^n,
 * simulated on the elaborated IR, for every input of small widths and random and edge inputs of the
 * widths the output units use.
 */
class FixedToFloatNegationTest {
  static final class Negate extends Module {
    Negate(int width) {
      UInt x = in("x", width);
      UInt y = out("y", width);
      y.assign(FixedToFloat.negated(x));
    }
  }

  private static void check(IrSimulator sim, BigInteger value, int width) {
    BigInteger modulus = BigInteger.ONE.shiftLeft(width);
    sim.poke("x", value);
    assertEquals(
        value.negate().mod(modulus), sim.peek("y"), "-" + value.toString(2) + " in " + width);
  }

  @Test
  void everyInputOfWidthsOneToTwelve() {
    for (int width = 1; width <= 12; width++) {
      IrSimulator sim = new IrSimulator(Elaborator.elaborate(new Negate(width)));
      for (long v = 0; v < 1L << width; v++) {
        check(sim, BigInteger.valueOf(v), width);
      }
    }
  }

  @Test
  void randomAndEdgeInputsOfWideWidths() {
    Random random = new Random(17);
    for (int width : new int[] {13, 16, 31, 32, 33, 53, 64, 65, 83, 107}) {
      IrSimulator sim = new IrSimulator(Elaborator.elaborate(new Negate(width)));
      BigInteger top = BigInteger.ONE.shiftLeft(width - 1);
      for (BigInteger edge :
          new BigInteger[] {
            BigInteger.ZERO,
            BigInteger.ONE,
            top,
            top.subtract(BigInteger.ONE),
            top.shiftLeft(1).subtract(BigInteger.ONE)
          }) {
        check(sim, edge, width);
      }
      for (int i = 0; i < 400; i++) {
        // random values with a random number of trailing zeros, so every carry length occurs
        BigInteger v = new BigInteger(width, random);
        int zeros = random.nextInt(width + 1);
        check(sim, v.shiftRight(zeros).shiftLeft(zeros).mod(top.shiftLeft(1)), width);
      }
    }
  }
}

package io.hardformer.generators.attention;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.hardformer.dsl.elaborate.Elaborator;
import io.hardformer.dsl.sim.IrSimulator;
import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link OffsetBinaryTerm} against (±m) + 2^(W - 1) - 2^j mod 2^W (j = W - 1 - n) and (±m) + 2^(W -
 * 1) on a first beat: every magnitude, sign, j and first beat at small widths, random magnitudes
 * with every j at the head's widths (E4M3 64 → 84 bits, E5M2 78 → 98).
 */
class OffsetBinaryTermTest {
  @Test
  void everyInputAtSmallWidths() {
    for (int[] mw : new int[][] {{1, 2}, {3, 5}, {4, 7}, {6, 9}}) {
      IrSimulator sim = new IrSimulator(Elaborator.elaborate(new OffsetBinaryTerm(mw[0], mw[1])));
      for (long m = 0; m < 1L << mw[0]; m++) {
        for (int neg = 0; neg < 2; neg++) {
          for (int j = -1; j < mw[1]; j++) { // -1: a first beat
            check(sim, BigInteger.valueOf(m), neg == 1, j, mw[1]);
          }
        }
      }
    }
  }

  @Test
  void randomMagnitudesAtTheHeadsWidths() {
    Random r = new Random(7);
    for (int[] mw : new int[][] {{64, 84}, {78, 98}}) {
      IrSimulator sim = new IrSimulator(Elaborator.elaborate(new OffsetBinaryTerm(mw[0], mw[1])));
      for (int i = 0; i < 4000; i++) {
        // magnitudes of every length, some with long runs of zeros or ones at the bottom
        BigInteger m = new BigInteger(mw[0], r).shiftRight(r.nextInt(mw[0] + 1));
        if (r.nextInt(4) == 0) {
          m = m.shiftLeft(r.nextInt(mw[0])).mod(BigInteger.ONE.shiftLeft(mw[0]));
        }
        if (r.nextInt(8) == 0) {
          m = BigInteger.ONE.shiftLeft(r.nextInt(mw[0] + 1)).subtract(BigInteger.ONE);
        }
        check(sim, m, r.nextBoolean(), r.nextInt(mw[1] + 1) - 1, mw[1]);
      }
    }
  }

  private static void check(IrSimulator sim, BigInteger m, boolean negative, int j, int width) {
    BigInteger mod = BigInteger.ONE.shiftLeft(width);
    BigInteger below =
        j < 0 ? mod.subtract(BigInteger.ONE) : BigInteger.ONE.shiftLeft(j).subtract(BigInteger.ONE);
    sim.poke("magnitude", m);
    sim.poke("negative", negative ? BigInteger.ONE : BigInteger.ZERO);
    sim.poke("below", below);
    BigInteger term = negative ? m.negate() : m;
    BigInteger offset = BigInteger.ONE.shiftLeft(width - 1);
    if (j >= 0) {
      offset = offset.subtract(BigInteger.ONE.shiftLeft(j));
    }
    assertEquals(
        term.add(offset).mod(mod),
        sim.peek("addend"),
        (negative ? "-" : "+") + m + " with j " + j + " in " + width + " bits");
  }
}

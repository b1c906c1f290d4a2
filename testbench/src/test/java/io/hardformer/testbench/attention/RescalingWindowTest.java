package io.hardformer.testbench.attention;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hardformer.generators.attention.RescalingWindow;
import io.hardformer.testbench.Testbench;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link RescalingWindow} in Verilator against the recurrence it replaces, y' = (y >> n) + a modulo
 * 2^width (a step's first beat: y' = a), unsigned and signed (offset-binary, the addend carrying
 * the offset's change as {@code AttentionHead} adds it): the value after every beat that no beat
 * follows within a cycle (the window clears the next beat's dropped bits a cycle early), at the
 * module's latency, and held through the idle cycles after the last; 0 out of reset. Shifts 0 to
 * 127 (clamped as the head clamps them, so the largest exercise the clamp), offsets that wrap
 * around the window many times, back-to-back beats and gaps, at small widths and at the head's own
 * (l 65 bits; acc 84 and 98 bits, E4M3 and E5M2).
 */
@Tag("verilator")
class RescalingWindowTest {
  @ParameterizedTest(name = "width {0}, {1} lanes, offset-binary {2}")
  @CsvSource({"5,2,false", "6,3,true", "65,2,false", "84,2,true", "98,1,true"})
  void equalsTheShiftAndAddRecurrence(int width, int lanes, boolean signed) {
    RescalingWindow window = new RescalingWindow(width, lanes, signed);
    BigInteger mod = BigInteger.ONE.shiftLeft(width);
    Random r = new Random(31L * width + lanes);
    int beats = 3000;
    int checked = 0;
    try (Testbench tb = Testbench.of(window)) {
      tb.reset();
      BigInteger[] y = new BigInteger[lanes];
      // per cycle: the control to poke, the addends to poke (a cycle later), the expected values
      List<long[]> control = new ArrayList<>(); // valid, first, shift
      List<BigInteger[]> addends = new ArrayList<>();
      List<BigInteger[]> expected = new ArrayList<>();
      int cycle = 0;
      for (int b = 0; b < beats; b++) {
        boolean first = b == 0 || r.nextInt(40) == 0;
        int n = first ? 0 : shift(r);
        int clamped = Math.min(n, signed ? width - 1 : width);
        BigInteger[] a = new BigInteger[lanes];
        for (int i = 0; i < lanes; i++) {
          BigInteger term = new BigInteger(width, r);
          if (signed) {
            BigInteger t = term.testBit(width - 1) ? term.subtract(mod) : term;
            y[i] = first ? t : wrapSigned(y[i].shiftRight(n).add(t), width);
            BigInteger offset =
                first
                    ? BigInteger.ONE.shiftLeft(width - 1)
                    : BigInteger.ONE
                        .shiftLeft(width - 1)
                        .subtract(BigInteger.ONE.shiftLeft(width - 1 - clamped));
            a[i] = term.add(offset).mod(mod);
          } else {
            y[i] = first ? term : y[i].shiftRight(n).add(term).mod(mod);
            a[i] = term;
          }
        }
        int gap = r.nextInt(3) == 0 ? r.nextInt(4) : 0;
        cycle += 1 + gap;
        while (control.size() <= cycle + 1) {
          control.add(new long[3]);
          addends.add(null);
          expected.add(null);
        }
        control.set(cycle, new long[] {1, first ? 1 : 0, clamped});
        addends.set(cycle + 1, a);
        BigInteger[] e = new BigInteger[lanes];
        for (int i = 0; i < lanes; i++) {
          e[i] = y[i].mod(mod);
        }
        expected.set(cycle, e);
      }
      int total = control.size() + RescalingWindow.LATENCY + 2;
      List<BigInteger[]> seen = new ArrayList<>();
      for (int c = 0; c < total; c++) {
        long[] ctl = c < control.size() ? control.get(c) : new long[3];
        tb.poke(window.valid, ctl[0]);
        tb.poke(window.first, ctl[1]);
        tb.poke(window.shift, ctl[2]);
        BigInteger[] a = c < addends.size() ? addends.get(c) : null;
        for (int i = 0; i < lanes; i++) {
          tb.poke(window.addend.get(i), a == null ? BigInteger.ZERO : a[i]);
        }
        tb.step();
        BigInteger[] v = new BigInteger[lanes];
        for (int i = 0; i < lanes; i++) {
          v[i] = tb.peek(window.value.get(i));
        }
        seen.add(v);
      }
      for (int i = 0; i < lanes; i++) { // out of reset, before any beat: value 0 (either kind)
        if (seen.get(0)[i].signum() != 0) {
          tb.fail("lane " + i + " reads 0x" + seen.get(0)[i].toString(16) + " out of reset, not 0");
        }
      }
      int last = control.size() - 2; // the last beat's control cycle (its addends follow)
      for (int c = last + RescalingWindow.LATENCY + 1; c < total; c++) { // held while idle
        for (int i = 0; i < lanes; i++) {
          if (!seen.get(c)[i].equals(expected.get(last)[i])) {
            tb.fail("lane " + i + " changed to 0x" + seen.get(c)[i].toString(16) + " while idle");
          }
        }
      }
      for (int c = 0; c < control.size(); c++) {
        BigInteger[] e = expected.get(c);
        boolean followed = c + 1 < control.size() && control.get(c + 1)[0] == 1;
        if (e == null || followed) {
          continue;
        }
        // control in cycle c, addends in c + 1, the value (combinational) once the step of
        // c + LATENCY has updated y
        BigInteger[] v = seen.get(c + RescalingWindow.LATENCY);
        for (int i = 0; i < lanes; i++) {
          if (!v[i].equals(e[i])) {
            tb.fail(
                "beat controlled in cycle "
                    + c
                    + ", lane "
                    + i
                    + ": value 0x"
                    + v[i].toString(16)
                    + ", the recurrence 0x"
                    + e[i].toString(16));
          }
        }
        checked++;
      }
    }
    assertTrue(checked > beats / 5, "checked " + checked + " of " + beats + " beats");
  }

  /** Shifts as the head sees them: mostly 0, often small, sometimes up to the limit 127. */
  private static int shift(Random r) {
    int k = r.nextInt(10);
    return k < 5 ? 0 : k < 8 ? 1 + r.nextInt(4) : r.nextInt(128);
  }

  private static BigInteger wrapSigned(BigInteger v, int width) {
    BigInteger mod = BigInteger.ONE.shiftLeft(width);
    BigInteger u = v.mod(mod);
    return u.testBit(width - 1) ? u.subtract(mod) : u;
  }
}

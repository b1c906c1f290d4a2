package io.hardformer.testbench.rope;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.hardformer.generators.numerics.Fp8Format;
import io.hardformer.generators.rope.RopeGolden;
import io.hardformer.generators.rope.RopeShape;
import io.hardformer.generators.rope.RopeSinCos;
import io.hardformer.testbench.Outputs;
import io.hardformer.testbench.Stimulus;
import io.hardformer.testbench.Testbench;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@link RopeSinCos} in Verilator, bit-exact against {@link RopeGolden#sinCos} on quadrant and
 * table-entry boundaries, the phases of real (pair, position) combinations and random phases;
 * latency measured from cycle stamps, with idle cycles mixed in (II 1).
 */
@Tag("verilator")
class RopeSinCosTest {
  @Test
  void sinCosBitExactWithLatencyFromCycleStamps() {
    List<Long> phases = new ArrayList<>();
    for (long q = 0; q < 4; q++) {
      for (long k : new long[] {0, 1, 127, 128, 254, 255}) {
        long base = (q << 30) | (k << 22);
        for (long delta : new long[] {0, 1, 0x1FFFFF, 0x200000, 0x3FFFFE, 0x3FFFFF}) {
          phases.add(base | delta);
        }
      }
    }
    RopeShape shape = new RopeShape(128, 500_000, 8192, 1, Fp8Format.E4M3);
    for (int pos : new int[] {0, 1, 2, 4097, 8191, 8192}) {
      for (int i = 0; i < shape.pairs(); i += 7) {
        phases.add(RopeGolden.phase(shape, i, pos));
      }
    }
    Random r = new Random(15);
    for (int v = 0; v < 3000; v++) {
      phases.add(Integer.toUnsignedLong(r.nextInt()));
    }
    try (Testbench tb = Testbench.of(new RopeSinCos())) {
      tb.reset();
      int latency = tb.design().design().top().body().timing().latency();
      assertEquals(RopeSinCos.LATENCY, latency);
      List<Integer> inputCycles = new ArrayList<>();
      int cycles = phases.size() * 11 / 10 + latency + 1;
      Stimulus st = tb.stimulus(cycles);
      int v = 0;
      for (int c = 0; c < cycles - latency && v < phases.size(); c++) {
        if (r.nextInt(11) == 0) {
          continue; // a bubble
        }
        st.set(c, "in_valid", 1).set(c, "phase", phases.get(v++));
        inputCycles.add(c);
      }
      assertEquals(phases.size(), v, "all phases were sent");
      long start = tb.cycle();
      Outputs out = tb.run(st, "out_valid");
      assertEquals(phases.size(), out.size(), "one result per valid input");
      for (int k = 0; k < phases.size(); k++) {
        assertEquals(start + inputCycles.get(k) + latency, out.cycle(k), "latency of result " + k);
        long[] want = RopeGolden.sinCos(phases.get(k));
        long gotSin = (int) out.getLong(k, "sin");
        long gotCos = (int) out.getLong(k, "cos");
        if (gotSin != want[0] || gotCos != want[1]) {
          tb.failAt(
              out.cycle(k),
              String.format(
                  "phase 0x%08x: sin/cos want %d/%d, got %d/%d",
                  phases.get(k), want[0], want[1], gotSin, gotCos));
        }
      }
    }
  }
}

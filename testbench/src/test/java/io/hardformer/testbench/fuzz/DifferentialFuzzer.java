package io.hardformer.testbench.fuzz;

import io.hardformer.dsl.elaborate.Design;
import io.hardformer.dsl.elaborate.Elaborator;
import io.hardformer.dsl.sim.IrSimulator;
import io.hardformer.jit.JitSimulator;
import io.hardformer.rtl.EmitOptions;
import io.hardformer.rtl.EmittedDesign;
import io.hardformer.rtl.PortInfo;
import io.hardformer.rtl.VerilogEmitter;
import io.hardformer.testbench.Outputs;
import io.hardformer.testbench.Stimulus;
import io.hardformer.testbench.Testbench;
import io.hardformer.testbench.TestbenchOptions;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Runs random designs with the same random stimulus on the Java interpreter, the JIT backend,
 * Verilator and Icarus and compares every output bit in every cycle after the first (reset) cycle.
 * A mismatch is shrunk to the smallest (ops, depth, cycles) of the same seed that still disagrees.
 */
final class DifferentialFuzzer {
  /** One random design: its seed, operator count and hierarchy depth. */
  record Member(long seed, int ops, int depth) {
    @Override
    public String toString() {
      return "new RandomDesign(" + seed + "L, " + ops + ", " + depth + ")";
    }
  }

  /** The first disagreement of a member. */
  record Mismatch(
      Member member,
      int cycle,
      String port,
      BigInteger java,
      BigInteger jit,
      BigInteger verilator,
      BigInteger icarus,
      int cycles) {
    String describe() {
      return member
          + " over "
          + cycles
          + " cycles: output "
          + port
          + " in cycle "
          + cycle
          + ": java="
          + hex(java)
          + " jit="
          + hex(jit)
          + " verilator="
          + hex(verilator)
          + " icarus="
          + hex(icarus);
    }

    private static String hex(BigInteger v) {
      return v == null ? "x" : "0x" + v.toString(16);
    }
  }

  private DifferentialFuzzer() {}

  static List<Mismatch> check(List<Member> members, int cycles, long stimulusSeed, Path work)
      throws IOException {
    List<long[]> spec = new ArrayList<>();
    for (Member m : members) {
      spec.add(new long[] {m.seed(), m.ops(), m.depth()});
    }
    FuzzBundle top = new FuzzBundle(spec);
    Design design = Elaborator.elaborate(top);
    EmittedDesign emitted = VerilogEmitter.emit(design, EmitOptions.defaults());
    List<PortInfo> ins = new ArrayList<>();
    List<PortInfo> outs = new ArrayList<>();
    for (PortInfo p : emitted.ports()) {
      if (!p.name().equals("clk")) {
        (p.isInput() ? ins : outs).add(p);
      }
    }
    Random r = new Random(stimulusSeed);
    List<BigInteger[]> stimulus = new ArrayList<>();
    for (int c = 0; c < cycles; c++) {
      BigInteger[] row = new BigInteger[ins.size()];
      for (int k = 0; k < ins.size(); k++) {
        PortInfo p = ins.get(k);
        row[k] =
            p.name().equals("rst")
                ? BigInteger.valueOf(c == 0 || r.nextInt(50) == 0 ? 1 : 0)
                : special(r, p.width());
      }
      stimulus.add(row);
    }
    // Verilator
    List<BigInteger[]> verilator = new ArrayList<>();
    try (Testbench tb = Testbench.of(emitted, TestbenchOptions.defaults())) {
      Stimulus st = tb.stimulus(cycles);
      for (int c = 0; c < cycles; c++) {
        for (int k = 0; k < ins.size(); k++) {
          st.set(c, ins.get(k).name(), stimulus.get(c)[k]);
        }
      }
      Outputs o = tb.run(st);
      for (int c = 0; c < cycles; c++) {
        BigInteger[] row = new BigInteger[outs.size()];
        for (int k = 0; k < outs.size(); k++) {
          row[k] = o.get(c, outs.get(k).name());
        }
        verilator.add(row);
      }
    }
    // Java interpreter
    List<BigInteger[]> java = new ArrayList<>();
    IrSimulator sim = new IrSimulator(design);
    for (int c = 0; c < cycles; c++) {
      for (int k = 0; k < ins.size(); k++) {
        sim.poke(ins.get(k).name(), stimulus.get(c)[k]);
      }
      BigInteger[] row = new BigInteger[outs.size()];
      for (int k = 0; k < outs.size(); k++) {
        row[k] = sim.peek(outs.get(k).name());
      }
      java.add(row);
      sim.step();
    }
    // the same IR compiled to bytecode
    List<BigInteger[]> jit = new ArrayList<>();
    JitSimulator compiled = new JitSimulator(design);
    for (int c = 0; c < cycles; c++) {
      for (int k = 0; k < ins.size(); k++) {
        compiled.poke(ins.get(k).name(), stimulus.get(c)[k]);
      }
      BigInteger[] row = new BigInteger[outs.size()];
      for (int k = 0; k < outs.size(); k++) {
        row[k] = compiled.peek(outs.get(k).name());
      }
      jit.add(row);
      compiled.step();
    }
    // Icarus
    Path dir = Files.createTempDirectory(work, "icarus-");
    List<BigInteger[]> icarus = IcarusRun.run(emitted, stimulus, dir);

    List<Mismatch> found = new ArrayList<>();
    boolean[] reported = new boolean[members.size()];
    for (int c = 1; c < cycles; c++) {
      for (int k = 0; k < outs.size(); k++) {
        BigInteger j = java.get(c)[k];
        BigInteger t = jit.get(c)[k];
        BigInteger v = verilator.get(c)[k];
        BigInteger i = c < icarus.size() ? icarus.get(c)[k] : null;
        if (!j.equals(v) || !j.equals(i) || !j.equals(t)) {
          String port = outs.get(k).name();
          int member = Integer.parseInt(port.substring(1, port.indexOf('_')));
          if (!reported[member]) {
            reported[member] = true;
            found.add(new Mismatch(members.get(member), c, port, j, t, v, i, cycles));
          }
        }
      }
    }
    return found;
  }

  /** Random values with a bias to the corners: zero, all ones, the sign bit alone, one bit. */
  private static BigInteger special(Random r, int width) {
    BigInteger all = BigInteger.ONE.shiftLeft(width).subtract(BigInteger.ONE);
    switch (r.nextInt(8)) {
      case 0:
        return BigInteger.ZERO;
      case 1:
        return all;
      case 2:
        return BigInteger.ONE.shiftLeft(width - 1);
      case 3:
        return BigInteger.ONE.shiftLeft(r.nextInt(width));
      default:
        return new BigInteger(width, r);
    }
  }

  /**
   * The smallest variant of the member's design (same seed) that still disagrees, with its
   * mismatch.
   */
  static Mismatch shrink(Mismatch m, long stimulusSeed, Path work) throws IOException {
    Mismatch best = m;
    Member cur = m.member();
    for (int depth = 0; depth < cur.depth(); depth++) {
      List<Mismatch> r =
          check(List.of(new Member(cur.seed(), cur.ops(), depth)), m.cycles(), stimulusSeed, work);
      if (!r.isEmpty()) {
        best = r.get(0);
        cur = best.member();
        break;
      }
    }
    int lo = 0;
    int hi = cur.ops();
    while (lo
        < hi) { // smallest ops that still disagrees (a heuristic: mismatches need not be monotone)
      int mid = (lo + hi) / 2;
      List<Mismatch> r =
          check(List.of(new Member(cur.seed(), mid, cur.depth())), m.cycles(), stimulusSeed, work);
      if (!r.isEmpty()) {
        best = r.get(0);
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    cur = best.member();
    int cycles = best.cycle() + 1;
    List<Mismatch> r = check(List.of(cur), Math.max(2, cycles), stimulusSeed, work);
    return r.isEmpty() ? best : r.get(0);
  }
}

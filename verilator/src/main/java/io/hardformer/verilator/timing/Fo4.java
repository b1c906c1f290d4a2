package io.hardformer.verilator.timing;

import java.util.Map;
import java.util.Optional;

/**
 * The FO4 delay of the OSU 0.18 um liberty, measured with the same flow as every design ({@link
 * TimingAnalysis}): a chain of {@code N} {@code INVX1} inverters, each driving the next stage and
 * three more {@code INVX1} loads (fan-out 4), timed by OpenSTA from the input port to a load of the
 * last stage. FO4 is the slope between {@link #SHORT} and {@link #LONG} stages: (delay(LONG) -
 * delay(SHORT)) / (LONG - SHORT). The slope cancels the first stage (driven by an ideal zero-slew
 * input) and the last load; an even difference averages rising and falling stages.
 */
public final class Fo4 {
  public static final int SHORT = 4;
  public static final int LONG = 12;

  private Fo4() {}

  /** FO4 in ps, measured now (or from the timing cache). */
  public static double picoseconds() {
    double d = 1000 * (chainNs(LONG) - chainNs(SHORT)) / (LONG - SHORT);
    return Math.round(d * 10) / 10.0;
  }

  /**
   * FO4 in ps from the timing cache only (both chains timed before on this machine, with these
   * tools), without running anything; empty otherwise.
   */
  public static Optional<Double> cachedPicoseconds() {
    Optional<SynthesizedTiming> longChain =
        TimingAnalysis.cached("fo4_chain", Map.of("fo4_chain.v", chain(LONG)), Hierarchy.FLATTEN);
    Optional<SynthesizedTiming> shortChain =
        TimingAnalysis.cached("fo4_chain", Map.of("fo4_chain.v", chain(SHORT)), Hierarchy.FLATTEN);
    if (longChain.isEmpty() || shortChain.isEmpty()) {
      return Optional.empty();
    }
    double d =
        1000
            * (longChain.get().criticalPathNs() - shortChain.get().criticalPathNs())
            / (LONG - SHORT);
    return Optional.of(Math.round(d * 10) / 10.0);
  }

  /** The critical path of an {@code n}-stage FO4 inverter chain, in ns. */
  public static double chainNs(int n) {
    return TimingAnalysis.analyze("fo4_chain", Map.of("fo4_chain.v", chain(n))).criticalPathNs();
  }

  /** Verilog of an {@code n}-stage chain of INVX1, each stage loaded by four INVX1 inputs. */
  public static String chain(int n) {
    StringBuilder b = new StringBuilder();
    b.append("module fo4_chain(input a, output [").append(3 * n - 1).append(":0] load);\n");
    b.append("  wire [").append(n).append(":0] s;\n  assign s[0] = a;\n");
    for (int i = 0; i < n; i++) {
      b.append("  INVX1 stage")
          .append(i)
          .append(" (.A(s[")
          .append(i)
          .append("]), .Y(s[")
          .append(i + 1)
          .append("]));\n");
      for (int k = 0; k < 3; k++) {
        int l = 3 * i + k;
        b.append("  INVX1 load")
            .append(l)
            .append(" (.A(s[")
            .append(i + 1)
            .append("]), .Y(load[")
            .append(l)
            .append("]));\n");
      }
    }
    return b.append("endmodule\n").toString();
  }
}

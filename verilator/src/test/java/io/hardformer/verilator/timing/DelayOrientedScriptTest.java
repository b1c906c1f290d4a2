package io.hardformer.verilator.timing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * What {@link TimingAnalysis#ABC_SCRIPT} must keep doing: wide adds stay log-depth (ABC's default
 * liberty script ripples them: 64 bits measured 7.27 ns against 2.67 ns), and a net of high fanout
 * is still buffered, although Yosys passes the constraint file and the delay target to a custom
 * script only through {@code read_constr} and {@code {D}}.
 */
@Tag("verilator")
class DelayOrientedScriptTest {
  /** An N-bit add between registered operands and a registered sum. */
  static String registeredAdd(int n) {
    String w = "[" + (n - 1) + ":0]";
    return "module add"
        + n
        + "(input clk, input "
        + w
        + " a, input "
        + w
        + " b, output reg "
        + w
        + " s);\n  reg "
        + w
        + " ra;\n  reg "
        + w
        + " rb;\n  always @(posedge clk) begin\n    ra <= a;\n    rb <= b;\n"
        + "    s <= ra + rb;\n  end\nendmodule\n";
  }

  /** One register {@code sel} gating N inputs into N registers: {@code sel} drives N AND gates. */
  static String fanout(int n) {
    String w = "[" + (n - 1) + ":0]";
    return "module fan"
        + n
        + "(input clk, input e, input "
        + w
        + " d, output reg "
        + w
        + " q);\n  reg sel;\n  always @(posedge clk) begin\n    sel <= e;\n"
        + "    q <= d & {"
        + n
        + "{sel}};\n  end\nendmodule\n";
  }

  private static SynthesizedTiming time(String top, String verilog) {
    return TimingAnalysis.analyze(top, Map.of(top + ".v", verilog));
  }

  @Test
  void aWideAddGrowsFarSlowerThanARippleChain() {
    double ns16 = time("add16", registeredAdd(16)).criticalPathNs();
    double ns64 = time("add64", registeredAdd(64)).criticalPathNs();
    assertTrue(
        ns64 < 2 * ns16,
        "four times the width, a ripple chain would take about four times the delay: 16 bits "
            + ns16
            + " ns, 64 bits "
            + ns64
            + " ns");
    assertTrue(
        ns64 * 1000 / Fo4.picoseconds() <= 35,
        "a 64-bit add is a log-depth adder of about 27 FO4, got " + ns64 + " ns");
  }

  @Test
  void aNetOfFanout256IsBuffered() {
    SynthesizedTiming f16 = time("fan16", fanout(16));
    SynthesizedTiming f256 = time("fan256", fanout(256));
    assertTrue(
        f256.criticalPathNs() < 2 * f16.criticalPathNs(),
        "sixteen times the load on sel, unbuffered one gate would take about sixteen times the"
            + " delay: fanout 16 "
            + f16
            + ", fanout 256 "
            + f256);
    assertTrue(
        f256.cells().stream().anyMatch(c -> c.startsWith("BUF")),
        "a buffer on the worst path of the 256-fanout net: " + f256.cells());
  }
}

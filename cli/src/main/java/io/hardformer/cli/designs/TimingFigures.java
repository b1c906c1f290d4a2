package io.hardformer.cli.designs;

import io.hardformer.verilator.timing.Hierarchy;
import io.hardformer.verilator.timing.SynthesizedTiming;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What {@code hardformer timing} reports: the worst path at 0.18 um, its depth in FO4 delays (FO4
 * measured on the same liberty), the clock it allows there, and the clock the same depth allows at
 * a node with FO4 {@code nodeFo4Ps}: clock = 1 / (depth x node FO4). {@code hierarchy} says whether
 * the design was flattened or timed with its hierarchy kept ({@link Hierarchy}); {@code
 * delayTargetPs} is the target ABC mapped toward ({@code abc -D}).
 */
record TimingFigures(
    SynthesizedTiming timing,
    Hierarchy hierarchy,
    double fo4Ps,
    double nodeFo4Ps,
    String nodeFo4Source,
    double nand2Estimate,
    int delayTargetPs) {
  /** The area of the OSU library's NAND2X1 (osu018_stdcells.lib). */
  static final double OSU_NAND2_UM2 = 24;

  double depthFo4() {
    return timing.criticalPathNs() * 1000 / fo4Ps;
  }

  double clockGhz018() {
    return 1 / timing.criticalPathNs();
  }

  double nodeClockGhz() {
    return 1000 / (depthFo4() * nodeFo4Ps);
  }

  /** The {@code --json} object (keys as documented in the README). */
  Map<String, Object> toJson() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("criticalPathNs", timing.criticalPathNs());
    m.put("startPoint", timing.startPoint());
    m.put("endPoint", timing.endPoint());
    m.put("javaLines", timing.javaLines());
    m.put("fo4Ps", fo4Ps);
    m.put("depthFo4", round(depthFo4(), 2));
    m.put("clockGhz018", round(clockGhz018(), 4));
    m.put("nodeFo4Ps", nodeFo4Ps);
    m.put("nodeClockGhz", round(nodeClockGhz(), 3));
    m.put("nodeFo4Source", nodeFo4Source);
    m.put("areaUm2", timing.areaUm2());
    m.put("nand2Estimate", round(nand2Estimate, 0));
    m.put("synthesis", hierarchy.label());
    m.put("delayTargetPs", delayTargetPs);
    return m;
  }

  /** The text report. */
  String text(String design, Map<String, String> parameters) {
    StringBuilder b = new StringBuilder();
    b.append(design).append(' ').append(parameters).append('\n');
    b.append(
        String.format(
            Locale.ROOT,
            "  critical path        %.3f ns at 0.18 um (OSU osu018_stdcells, typical; %s)%n",
            timing.criticalPathNs(),
            hierarchy.label()));
    b.append("  start point          ").append(timing.startPoint()).append('\n');
    b.append("  end point            ").append(timing.endPoint()).append('\n');
    b.append("  Java lines           ")
        .append(
            timing.javaLines().isEmpty()
                ? "(none in the Verilog comments)"
                : String.join(", ", timing.javaLines()))
        .append('\n');
    b.append(String.format(Locale.ROOT, "  cells on the path    %d:", timing.cells().size()));
    timing.cells().forEach(c -> b.append(' ').append(c.substring(0, c.indexOf(' '))));
    b.append('\n');
    b.append(
        String.format(
            Locale.ROOT,
            "  depth                %.1f FO4 (FO4 = %.1f ps on the same liberty)%n",
            depthFo4(),
            fo4Ps));
    b.append(String.format(Locale.ROOT, "  clock at 0.18 um     %.3f GHz%n", clockGhz018()));
    b.append(
        String.format(
            Locale.ROOT,
            "  clock at the node    %.2f GHz at FO4 = %.1f ps (%s)%n",
            nodeClockGhz(),
            nodeFo4Ps,
            nodeFo4Source));
    b.append(
        String.format(
            Locale.ROOT,
            "  area                 %,.0f um^2 at 0.18 um = %,.0f OSU NAND2X1 (%.0f um^2 each); "
                + "estimate %,.0f NAND2 eq%n",
            timing.areaUm2(),
            timing.areaUm2() / OSU_NAND2_UM2,
            OSU_NAND2_UM2,
            nand2Estimate));
    b.append(
        String.format(
            Locale.ROOT,
            "  delay target         %d ps (abc -D: the logic between flip-flops)%n",
            delayTargetPs));
    return b.toString();
  }

  private static double round(double v, int digits) {
    double f = Math.pow(10, digits);
    return Math.round(v * f) / f;
  }
}

package io.hardformer.cli.tile;

import io.hardformer.cli.designs.GeneratedUnit;
import io.hardformer.cli.designs.ModernNode;
import io.hardformer.verilator.timing.Fo4;
import io.hardformer.verilator.timing.Hierarchy;
import io.hardformer.verilator.timing.SynthesizedTiming;
import io.hardformer.verilator.timing.TimingAnalysis;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The clock the main job's estimate runs at, and where it comes from, in this order:
 *
 * <ol>
 *   <li>{@code clock-ghz} in the tile config, when the file sets it (it overrides timing);
 *   <li>timing: when every unit has a timing result in the cache ({@code ./hardformer timing
 *       <design> <options>} or {@code generate --timing} put it there), the slowest unit's critical
 *       path in FO4 (FO4 measured on the OSU 0.18 um liberty) times the modern node's FO4 ({@link
 *       ModernNode}): clock = 1 / (depth x node FO4);
 *   <li>otherwise the assumed 1 GHz, naming the units not yet timed.
 * </ol>
 *
 * The main job never runs Yosys or OpenSTA itself: timing the default tile cold takes longer than
 * the job should (see docs/BENCHMARKS.md "Timing"), so it reads the cache only and stays fast.
 */
public record TileClock(
    double ghz,
    String source,
    String slowestUnit,
    double criticalPathNs,
    double depthFo4,
    List<String> untimed) {
  public TileClock {
    untimed = List.copyOf(untimed);
  }

  /** The tile's clock for {@code config} and its generated {@code units} (in config order). */
  public static TileClock of(TileConfig config, List<GeneratedUnit> units) {
    if (config.clockStated()) {
      return new TileClock(
          config.clockGhz(), "clock-ghz in the config (overrides timing)", "", 0, 0, List.of());
    }
    List<String> untimed = new ArrayList<>();
    String slowest = "";
    double worstNs = 0;
    for (int i = 0; i < units.size(); i++) {
      GeneratedUnit u = units.get(i);
      Optional<SynthesizedTiming> t =
          TimingAnalysis.cached(u.emitted(), Hierarchy.forEstimate(u.area().nand2()));
      String name = config.units().get(i).name();
      if (t.isEmpty()) {
        untimed.add(name);
      } else if (t.get().criticalPathNs() > worstNs) {
        worstNs = t.get().criticalPathNs();
        slowest = name;
      }
    }
    if (!untimed.isEmpty()) {
      return new TileClock(
          config.clockGhz(),
          "assumed: not timed yet: "
              + String.join(", ", untimed)
              + " (./hardformer timing <design> <options> times a unit once; later runs read the"
              + " cache)",
          "",
          0,
          0,
          untimed);
    }
    double depth = worstNs * 1000 / Fo4.picoseconds();
    double ghz = 1000 / (depth * ModernNode.DEFAULT_FO4_PS);
    return new TileClock(
        Math.round(ghz * 1000) / 1000.0,
        String.format(
            Locale.ROOT,
            "timing: slowest unit '%s', %.3f ns at 0.18 um = %.1f FO4, at FO4 = %.1f ps (%s)",
            slowest,
            worstNs,
            depth,
            ModernNode.DEFAULT_FO4_PS,
            ModernNode.DEFAULT_SOURCE),
        slowest,
        worstNs,
        depth,
        List.of());
  }

  /** The manifest's {@code clockGHzFrom} section. */
  public Map<String, Object> toManifest() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("ghz", ghz);
    m.put("source", source);
    if (!slowestUnit.isEmpty()) {
      m.put("slowestUnit", slowestUnit);
      m.put("criticalPathNs", criticalPathNs);
      m.put("depthFo4", Math.round(depthFo4 * 100) / 100.0);
      m.put("nodeFo4Ps", ModernNode.DEFAULT_FO4_PS);
    }
    m.put("untimed", untimed);
    return m;
  }
}

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
import java.util.OptionalDouble;

/**
 * The clock the main job's estimate runs at, and where it comes from, in this order:
 *
 * <ol>
 *   <li>{@code clock-ghz} in the tile config, when the file sets it (it overrides timing);
 *   <li>timing: when every unit has a timing result, from the timing cache ({@code ./hardformer
 *       timing <design> <options>} or {@code generate --timing} put it there) or else from the
 *       table of measured results shipped with the tool ({@link MeasuredTimingTable}: the default
 *       tile's units, keyed by their emitted Verilog and the flow), the slowest unit's critical
 *       path in FO4 (FO4 measured on the OSU 0.18 um liberty) times the modern node's FO4 ({@link
 *       ModernNode}): clock = 1 / (depth x node FO4);
 *   <li>otherwise the assumed 1 GHz, naming the units not yet timed.
 * </ol>
 *
 * The main job never runs Yosys or OpenSTA itself: timing the default tile cold takes about 25
 * minutes of CPU (see docs/BENCHMARKS.md "Timing"), so it reads the cache and the shipped table
 * only and stays fast; on a fresh machine the default tile's clock comes from the shipped table.
 */
public record TileClock(
    double ghz,
    String source,
    String slowestUnit,
    double criticalPathNs,
    double depthFo4,
    List<String> untimed,
    List<String> fromShippedTable) {
  public TileClock {
    untimed = List.copyOf(untimed);
    fromShippedTable = List.copyOf(fromShippedTable);
  }

  /** The tile's clock, its units' timing looked up in the cache, then in the shipped table. */
  public static TileClock of(TileConfig config, List<GeneratedUnit> units) {
    return of(config, units, MeasuredTimingTable.shipped());
  }

  /**
   * The tile's clock for {@code config} and its generated {@code units} (in config order), a unit
   * not in the timing cache looked up in {@code table}.
   */
  static TileClock of(TileConfig config, List<GeneratedUnit> units, MeasuredTimingTable table) {
    if (config.clockStated()) {
      return new TileClock(
          config.clockGhz(),
          "clock-ghz in the config (overrides timing)",
          "",
          0,
          0,
          List.of(),
          List.of());
    }
    List<String> untimed = new ArrayList<>();
    List<String> shipped = new ArrayList<>();
    String slowest = "";
    double worstNs = 0;
    for (int i = 0; i < units.size(); i++) {
      GeneratedUnit u = units.get(i);
      Hierarchy hierarchy = Hierarchy.forEstimate(u.area().nand2());
      String name = config.units().get(i).name();
      OptionalDouble ns =
          TimingAnalysis.cached(u.emitted(), hierarchy).stream()
              .mapToDouble(SynthesizedTiming::criticalPathNs)
              .findFirst();
      if (ns.isEmpty()) {
        Optional<MeasuredTimingTable.Entry> e =
            table.lookup(TimingAnalysis.contentKey(u.emitted(), hierarchy));
        if (e.isPresent()) {
          ns = OptionalDouble.of(e.get().criticalPathNs());
          shipped.add(name);
        }
      }
      if (ns.isEmpty()) {
        untimed.add(name);
      } else if (ns.getAsDouble() > worstNs) {
        worstNs = ns.getAsDouble();
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
          untimed,
          List.of());
    }
    // FO4 as measured here (from the cache when the shipped table answered: this machine may have
    // no Yosys), else as measured where the table was made
    double fo4 =
        shipped.isEmpty() ? Fo4.picoseconds() : Fo4.cachedPicoseconds().orElse(table.fo4Ps());
    double depth = worstNs * 1000 / fo4;
    double ghz = 1000 / (depth * ModernNode.DEFAULT_FO4_PS);
    return new TileClock(
        Math.round(ghz * 1000) / 1000.0,
        String.format(
            Locale.ROOT,
            "timing: slowest unit '%s', %.3f ns at 0.18 um = %.1f FO4, at FO4 = %.1f ps (%s)%s",
            slowest,
            worstNs,
            depth,
            ModernNode.DEFAULT_FO4_PS,
            ModernNode.DEFAULT_SOURCE,
            shipped.isEmpty()
                ? "; every unit from the timing cache"
                : shipped.size() == units.size()
                    ? "; every unit from the shipped table of measured results ("
                        + MeasuredTimingTable.RESOURCE
                        + ")"
                    : "; "
                        + String.join(", ", shipped)
                        + " from the shipped table of measured results ("
                        + MeasuredTimingTable.RESOURCE
                        + "), the others from the timing cache"),
        slowest,
        worstNs,
        depth,
        List.of(),
        shipped);
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
    m.put("fromShippedTable", fromShippedTable);
    return m;
  }
}

package io.hardformer.cli.tile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hardformer.cli.designs.DesignCatalog;
import io.hardformer.cli.designs.GeneratedUnit;
import io.hardformer.cli.designs.ModernNode;
import io.hardformer.verilator.timing.Fo4;
import io.hardformer.verilator.timing.Hierarchy;
import io.hardformer.verilator.timing.SynthesizedTiming;
import io.hardformer.verilator.timing.TimingAnalysis;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The table of measured timing shipped for the default tile ({@link MeasuredTimingTable}): it must
 * hold an entry for the current emission of every unit, its figures must be what the flow measures,
 * and the main job's clock must come from it when the timing cache has nothing.
 */
class TileTimingTableTest {
  private static final String REGENERATE =
      " (the unit's Verilog or the timing flow changed: time the tile again with "
          + MeasuredTimingTable.REGENERATE
          + " and commit "
          + MeasuredTimingTable.SOURCE_PATH
          + ")";

  private static List<GeneratedUnit> defaultTileUnits() {
    return TileConfig.embeddedDefault().units().stream()
        .map(u -> DesignCatalog.generate(u.generator()))
        .toList();
  }

  @Test
  void everyUnitOfTheDefaultTileHasAnEntryForItsCurrentVerilog() {
    TileConfig config = TileConfig.embeddedDefault();
    List<GeneratedUnit> units = defaultTileUnits();
    MeasuredTimingTable table = MeasuredTimingTable.shipped();
    List<String> missing = new ArrayList<>();
    for (int i = 0; i < units.size(); i++) {
      GeneratedUnit u = units.get(i);
      String key = TimingAnalysis.contentKey(u.emitted(), Hierarchy.forEstimate(u.area().nand2()));
      String name = config.units().get(i).name();
      table
          .lookup(key)
          .ifPresentOrElse(
              e -> assertEquals(name, e.unit(), "the entry of key " + key),
              () -> missing.add(name + " (key " + key + ")"));
    }
    assertTrue(
        missing.isEmpty(),
        "no shipped timing for the default tile's " + String.join(", ", missing) + REGENERATE);
    assertEquals(
        units.size(), table.entries().size(), "one entry per unit, no stale ones" + REGENERATE);
  }

  @Test
  void withAnEmptyCacheTheMainJobsClockComesFromTheShippedTable() {
    // a unit no other test times (so the timing cache does not hold it), and a table that has it
    TileConfig c =
        TileConfig.parse(
            "t.yaml",
            "units:\n  - {name: only, design: counter, options: {width: 27}}\n"
                .getBytes(StandardCharsets.UTF_8),
            true);
    GeneratedUnit u = DesignCatalog.generate(c.units().get(0).generator());
    Hierarchy h = Hierarchy.forEstimate(u.area().nand2());
    MeasuredTimingTable table =
        MeasuredTimingTable.parse(
            MeasuredTimingTable.format(
                List.of("test"),
                99.2,
                List.of(
                    new MeasuredTimingTable.Entry(
                        TimingAnalysis.contentKey(u.emitted(), h),
                        "only",
                        "counter",
                        2.5,
                        "value[0]",
                        "value[26]",
                        1000,
                        h.label()))));
    TileClock clock = TileClock.of(c, List.of(u), table);
    double depth = 2500 / Fo4.cachedPicoseconds().orElse(99.2);
    assertEquals(
        Math.round(1000 / (depth * ModernNode.DEFAULT_FO4_PS) * 1000) / 1000.0, clock.ghz());
    assertEquals(List.of("only"), clock.fromShippedTable());
    assertTrue(
        clock.source().startsWith("timing: slowest unit 'only', 2.500 ns at 0.18 um = ")
            && clock.source().contains("every unit from the shipped table of measured results"),
        clock.source());
    assertTrue(clock.untimed().isEmpty());
    // without the entry the unit is untimed and the clock is assumed
    TileClock none = TileClock.of(c, List.of(u), MeasuredTimingTable.parse(""));
    assertEquals(List.of("only"), none.untimed());
    assertEquals(1.0, none.ghz());
  }

  @Tag("verilator")
  @Test
  void theCheapestUnitTimedFromScratchMeasuresTheShippedFigure() {
    TileConfig config = TileConfig.embeddedDefault();
    List<GeneratedUnit> units = defaultTileUnits();
    // the smallest unit by its NAND2 estimate is the quickest to synthesize (the vector unit, about
    // 25 s of CPU)
    GeneratedUnit cheapest =
        units.stream().min(Comparator.comparingDouble(u -> u.area().nand2())).orElseThrow();
    String name = config.units().get(units.indexOf(cheapest)).name();
    Hierarchy h = Hierarchy.forEstimate(cheapest.area().nand2());
    MeasuredTimingTable.Entry shipped =
        MeasuredTimingTable.shipped()
            .lookup(TimingAnalysis.contentKey(cheapest.emitted(), h))
            .orElseThrow(() -> new AssertionError("no shipped timing for " + name + REGENERATE));
    SynthesizedTiming fresh =
        TimingAnalysis.analyzeFresh(cheapest.emitted(), h, TimingAnalysis.DEFAULT_TIME_LIMIT_S);
    assertEquals(
        shipped.criticalPathNs(),
        fresh.criticalPathNs(),
        0.00005,
        "the shipped critical path of " + name + " is not what the flow measures now" + REGENERATE);
    assertEquals(shipped.startPoint(), fresh.startPoint(), name);
    assertEquals(shipped.endPoint(), fresh.endPoint(), name);
    assertEquals(shipped.areaUm2(), fresh.areaUm2(), 0.05, name);
  }
}

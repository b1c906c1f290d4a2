package io.hardformer.cli.tile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hardformer.cli.designs.DesignCatalog;
import io.hardformer.cli.designs.GeneratedUnit;
import io.hardformer.cli.designs.ModernNode;
import io.hardformer.verilator.timing.Fo4;
import io.hardformer.verilator.timing.Hierarchy;
import io.hardformer.verilator.timing.TimingAnalysis;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The main job's clock: the config's clock-ghz overrides; else the slowest timed unit at the modern
 * node's FO4; else the assumed clock, naming the units not timed.
 */
@Tag("verilator")
class TileClockTest {
  private static TileConfig config(String text) {
    return TileConfig.parse("t.yaml", text.getBytes(StandardCharsets.UTF_8), true);
  }

  private static List<GeneratedUnit> units(TileConfig c) {
    return c.units().stream().map(u -> DesignCatalog.generate(u.generator())).toList();
  }

  @Test
  void theSlowestTimedUnitSetsTheClockAtTheNodeFo4() {
    TileConfig c =
        config(
            "units:\n  - {name: slow, design: int-mac, options: {}}\n"
                + "  - {name: fast, design: counter, options: {width: 5}}\n");
    List<GeneratedUnit> units = units(c);
    double slowNs = 0;
    for (GeneratedUnit u : units) { // time each unit once (later runs read the cache)
      slowNs =
          Math.max(
              slowNs,
              TimingAnalysis.analyze(u.emitted(), Hierarchy.forEstimate(u.area().nand2()))
                  .criticalPathNs());
    }
    TileClock clock = TileClock.of(c, units);
    double depth = slowNs * 1000 / Fo4.picoseconds();
    assertEquals("slow", clock.slowestUnit(), clock.source());
    assertEquals(1000 / (depth * ModernNode.DEFAULT_FO4_PS), clock.ghz(), 1e-3);
    assertTrue(clock.source().startsWith("timing: slowest unit 'slow'"), clock.source());
    assertTrue(clock.untimed().isEmpty());
  }

  @Test
  void clockGhzInTheConfigOverridesTiming() {
    TileConfig c = config("clock-ghz: 1.5\nunits:\n  - {name: a, design: counter, options: {}}\n");
    TileClock clock = TileClock.of(c, units(c));
    assertEquals(1.5, clock.ghz());
    assertTrue(clock.source().contains("overrides timing"), clock.source());
  }

  @Test
  void anUntimedUnitLeavesTheAssumedClockAndIsNamed() {
    // a width no other test times, so the cache cannot hold it
    TileConfig c =
        config(
            "units:\n  - {name: odd, design: counter, options: {width: 29}}\n"
                + "  - {name: b, design: counter, options: {width: 5}}\n");
    TileClock clock = TileClock.of(c, units(c));
    assertEquals(1.0, clock.ghz());
    assertTrue(clock.untimed().contains("odd"), clock.toString());
    assertTrue(clock.source().startsWith("assumed: not timed yet: odd"), clock.source());
  }
}

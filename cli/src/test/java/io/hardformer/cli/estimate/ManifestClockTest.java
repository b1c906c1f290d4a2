package io.hardformer.cli.estimate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where estimate --from-design takes its clock: --clock-ghz, the manifest's timing, or assumed. */
class ManifestClockTest {
  @TempDir Path dir;

  private Path manifest(String json) throws Exception {
    Path p = dir.resolve("manifest.json");
    Files.writeString(p, json);
    return p;
  }

  @Test
  void aTileManifestsClockFromTimingIsUsed() throws Exception {
    Path m =
        manifest(
            "{\"clockGHz\": 0.73, \"clockGHzFrom\": {\"ghz\": 0.73, \"source\": \"timing: slowest\"}}");
    ManifestClock c = ManifestClock.of(m, null);
    assertEquals(0.73, c.ghz());
    assertTrue(c.describe().contains("timing: slowest"), c.describe());
  }

  @Test
  void aUnitManifestsTimingSectionGivesTheNodeClock() throws Exception {
    Path m =
        manifest(
            "{\"timing\": {\"criticalPathNs\": 5.0, \"depthFo4\": 50.4, \"nodeClockGhz\": 1.984,"
                + " \"nodeFo4Ps\": 10.0, \"nodeFo4Source\": \"estimate\"}}");
    ManifestClock c = ManifestClock.of(m, null);
    assertEquals(1.984, c.ghz());
    assertTrue(c.source().contains("50.4 FO4"), c.source());
  }

  @Test
  void clockGhzOverridesAndNoTimingIsSaidToBeAssumed() throws Exception {
    Path m = manifest("{\"clockGHzFrom\": {\"ghz\": 0.73, \"source\": \"timing\"}}");
    assertEquals(1.5, ManifestClock.of(m, 1.5).ghz());
    assertTrue(ManifestClock.of(m, 1.5).source().contains("overrides"));
    ManifestClock none = ManifestClock.of(manifest("{\"area\": {}}"), null);
    assertEquals(1.0, none.ghz());
    assertTrue(none.source().startsWith("assumed"), none.source());
  }
}

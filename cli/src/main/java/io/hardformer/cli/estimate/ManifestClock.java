package io.hardformer.cli.estimate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The clock {@code estimate --from-design} runs a generated design at, and where it comes from:
 * {@code --clock-ghz} when given (it overrides the manifest); else a tile manifest's {@code
 * clockGHzFrom} section (the main job's clock from timing, or its config's {@code clock-ghz}); else
 * a unit manifest's {@code timing} section ({@code generate --timing}: the clock at the modern
 * node); else 1 GHz, assumed.
 */
public record ManifestClock(double ghz, String source) {
  static final double ASSUMED_GHZ = 1.0;

  /** The clock for {@code manifest}, {@code override} (--clock-ghz, may be null) first. */
  public static ManifestClock of(Path manifest, Double override) {
    if (override != null) {
      return new ManifestClock(override, "--clock-ghz (overrides the manifest's clock)");
    }
    JsonNode m;
    try {
      m = new ObjectMapper().readTree(Files.readString(manifest));
    } catch (IOException e) {
      m = null; // DesignBudget.fromManifest reports an unreadable manifest
    }
    if (m != null && m.path("clockGHzFrom").has("ghz")) {
      return new ManifestClock(
          m.get("clockGHzFrom").get("ghz").asDouble(),
          "the manifest's clock: " + m.get("clockGHzFrom").path("source").asText());
    }
    if (m != null && m.path("timing").has("nodeClockGhz")) {
      JsonNode t = m.get("timing");
      return new ManifestClock(
          t.get("nodeClockGhz").asDouble(),
          String.format(
              Locale.ROOT,
              "the manifest's timing: %.3f ns at 0.18 um = %.1f FO4, at FO4 = %.1f ps (%s)",
              t.path("criticalPathNs").asDouble(),
              t.path("depthFo4").asDouble(),
              t.path("nodeFo4Ps").asDouble(),
              t.path("nodeFo4Source").asText()));
    }
    return new ManifestClock(
        ASSUMED_GHZ,
        "assumed: the manifest has no timing (time the design with ./hardformer timing, or "
            + "generate --timing; --clock-ghz sets one)");
  }

  /** How the estimate names it, after the compute source. */
  public String describe() {
    return String.format(Locale.ROOT, "clock %.3f GHz from %s", ghz, source);
  }
}

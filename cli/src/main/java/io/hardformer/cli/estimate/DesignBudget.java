package io.hardformer.cli.estimate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hardformer.cli.tile.TileConfig.ConfigException;
import io.hardformer.generators.throughput.Chip;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A generated design as the roofline's compute: FMAs, area and the FMA utilization its cycle contract
 * allows, read from a manifest (a tile's {@code out/manifest.json} or one unit's), and scaled to a die
 * budget by repeating the design: {@code copies = floor(budget / design area)}.
 */
public record DesignBudget(String name, long fmaCount, double mm2, double transistors, double utilization) {

  public static DesignBudget fromManifest(Path file) {
    JsonNode m;
    try {
      m = new ObjectMapper().readTree(Files.readString(file));
    } catch (IOException e) {
      throw new ConfigException(file + ": cannot read a manifest: " + e.getMessage().split("\n")[0]);
    }
    JsonNode area = m.has("total") ? m.get("total") : m.get("area");
    if (area == null || !area.has("fmaCount") || !area.has("mm2")) {
      throw new ConfigException(file + ": no 'area' (or tile 'total') section with fmaCount and mm2; generate the "
          + "design with this version of hardformer");
    }
    double util = m.path("utilization").asDouble(m.path("cycleContract").path("utilizationAtK4096").asDouble(1.0));
    String name = m.has("tile") ? m.get("tile").asText() : m.path("generator").asText(m.path("top").asText("design"));
    return new DesignBudget(name, area.get("fmaCount").asLong(), area.get("mm2").asDouble(),
        area.path("transistors").asDouble(), util);
  }

  /** Copies of the design that fit in {@code dieMm2} (when positive) or {@code dieTransistors}. */
  public long copies(double dieMm2, double dieTransistors) {
    double c = dieMm2 > 0 ? dieMm2 / mm2 : dieTransistors / transistors;
    return Math.max(1, (long) Math.floor(c));
  }

  /** A chip of {@code copies} designs at {@code clockHz}, memory and links as {@code memoryLike}. */
  public Chip chip(long copies, double clockHz, Chip memoryLike) {
    double fmas = (double) copies * fmaCount;
    return Chip.fromFmas(name + " x" + copies, fmas * utilization, clockHz, "from " + name + " (" + copies
        + " copies, FMA utilization " + Math.round(utilization * 1000) / 10.0 + "%)", memoryLike);
  }
}

package io.hardformer.cli.estimate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hardformer.cli.tile.TileConfig.ConfigException;
import io.hardformer.throughput.AttentionEngine;
import io.hardformer.throughput.Chip;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A generated design as the roofline's compute, read from a manifest (a tile's {@code
 * out/manifest.json} or one unit's): its matmul FMAs (the FMA array's grid; other multipliers, such
 * as the attention unit's, do not do matmul work) with the FMA utilization its cycle contract
 * allows, its attention units with their cycle contracts, and its area; scaled to a die budget by
 * repeating the design: {@code copies = floor(budget / area)}.
 */
public record DesignBudget(
    String name,
    long matmulFmas,
    double mm2,
    double transistors,
    double utilization,
    List<AttentionUnit> attention) {

  /**
   * Attention units of one shape in the design: each runs a step of S positions in S +
   * stepFinishCycles cycles.
   */
  public record AttentionUnit(int count, int qHeads, int headDim, int stepFinishCycles) {}

  public static DesignBudget fromManifest(Path file) {
    if (!Files.exists(file)) {
      throw new ConfigException(
          file
              + ": no such file; pass the manifest.json that ./hardformer (out/manifest.json) "
              + "or ./hardformer generate wrote");
    }
    JsonNode m;
    try {
      m = new ObjectMapper().readTree(Files.readString(file));
    } catch (IOException e) {
      throw new ConfigException(
          file
              + ": not a readable JSON manifest: "
              + e.getMessage().lines().findFirst().orElse(""));
    }
    JsonNode area = m == null ? null : m.has("total") ? m.get("total") : m.get("area");
    if (area == null || !area.has("matmulFmaCount") || !area.has("mm2")) {
      throw new ConfigException(
          file
              + ": no 'area' (or tile 'total') section with matmulFmaCount and mm2; generate "
              + "the design again with this version of hardformer");
    }
    String name =
        m.has("tile")
            ? m.get("tile").asText()
            : m.path("generator").asText(m.path("top").asText("design"));
    long fmas = area.get("matmulFmaCount").asLong();
    if (fmas <= 0) {
      throw new ConfigException(
          file
              + ": '"
              + name
              + "' has no matmul FMAs (matmulFmaCount 0), so it cannot run "
              + "a model's matmuls; pass a tile manifest or an fma-array's");
    }
    List<AttentionUnit> att = new ArrayList<>();
    for (JsonNode a : m.path("attentionEngines")) {
      att.add(
          new AttentionUnit(
              a.path("count").asInt(1),
              a.get("qHeads").asInt(),
              a.get("headDim").asInt(),
              a.get("stepFinishCycles").asInt()));
    }
    double util =
        m.path("utilization")
            .asDouble(m.path("cycleContract").path("utilizationAtK4096").asDouble(1.0));
    return new DesignBudget(
        name, fmas, area.get("mm2").asDouble(), area.path("transistors").asDouble(), util, att);
  }

  /** Copies of the design that fit in {@code dieMm2} (when positive) or {@code dieTransistors}. */
  public long copies(double dieMm2, double dieTransistors) {
    double c = dieMm2 > 0 ? dieMm2 / mm2 : dieTransistors / transistors;
    return Math.max(1, (long) Math.floor(c));
  }

  /**
   * A chip of {@code copies} designs at {@code clockHz}, memory and links as {@code memoryLike}:
   * matmul peak from the matmul FMAs x utilization, attention from the attention units' cycle
   * contracts.
   */
  public Chip chip(long copies, double clockHz, Chip memoryLike) {
    double fmas = (double) copies * matmulFmas;
    List<AttentionEngine> engines = new ArrayList<>();
    for (AttentionUnit a : attention) {
      engines.add(
          new AttentionEngine(
              (double) copies * a.count(), a.qHeads(), a.headDim(), a.stepFinishCycles(), clockHz));
    }
    return Chip.fromFmas(
            name + " x" + copies,
            fmas * utilization,
            clockHz,
            "from "
                + name
                + " ("
                + copies
                + " copies, matmul FMA utilization "
                + String.format(Locale.ROOT, "%.1f", utilization * 100)
                + "%)",
            memoryLike)
        .withAttention(engines);
  }
}

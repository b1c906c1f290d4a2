package io.hardformer.cli.explore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hardformer.cli.output.OutputDirectory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An explorer folder: {@code sweep.json} (the sweep and which shard this is), {@code points.jsonl}
 * (one JSON object per point, by index) and, for a whole sweep (shard 1/1), {@code index.html}.
 * Written whole through {@link OutputDirectory}; a whole sweep's three files depend only on the
 * sweep, so a merge of its shards writes the same bytes.
 */
public record ExploreFolder(Path dir, JsonNode sweep, ShardSpec shard, List<ExplorePoint> points) {
  public static final String SWEEP = "sweep.json";
  public static final String POINTS = "points.jsonl";
  public static final String PAGE = "index.html";

  static final ObjectMapper JSON = new ObjectMapper();

  public ExploreFolder {
    points = List.copyOf(points);
  }

  /** The sweep's description as a JSON tree (what {@code sweep.json} holds under "sweep"). */
  public static JsonNode sweepJson(ExploreSweep sweep) {
    return JSON.valueToTree(sweep.toJson());
  }

  /** The points, one JSON object per line. */
  public static String pointsJsonl(List<ExplorePoint> points) {
    StringBuilder s = new StringBuilder();
    for (ExplorePoint p : points) {
      s.append(json(p.toJson())).append('\n');
    }
    return s.toString();
  }

  /** The file names this folder writes into {@code dir}, relative. */
  public List<String> write() {
    ObjectNode head = JSON.createObjectNode();
    head.set("sweep", sweep);
    head.put("shard", shard.toString());
    try (OutputDirectory o = OutputDirectory.open(dir, "explore")) {
      o.write(SWEEP, pretty(head) + "\n");
      o.write(POINTS, pointsJsonl(points));
      if (shard.count() == 1) {
        o.write(PAGE, ExploreReport.html(sweep, points, ParetoFront.ofPoints(points)));
      }
      return o.commit();
    }
  }

  /** The result for {@code --json}: the sweep, the shard, the points and the Pareto front. */
  public String summaryJson() {
    ObjectNode o = JSON.createObjectNode();
    o.set("sweep", sweep);
    o.put("shard", shard.toString());
    o.set("points", JSON.valueToTree(points.stream().map(ExplorePoint::toJson).toList()));
    o.set("pareto", JSON.valueToTree(ParetoFront.ofPoints(points)));
    return pretty(o);
  }

  /**
   * Reads a folder written by {@code explore fma-array} or {@code explore merge}.
   *
   * @throws IllegalArgumentException one line naming the folder and what is wrong
   */
  public static ExploreFolder read(Path dir) {
    Path sweepFile = dir.resolve(SWEEP);
    Path pointsFile = dir.resolve(POINTS);
    if (!Files.isRegularFile(sweepFile) || !Files.isRegularFile(pointsFile)) {
      throw new IllegalArgumentException(
          "'"
              + dir
              + "' is not an explore folder (it has no "
              + (Files.isRegularFile(sweepFile) ? POINTS : SWEEP)
              + "); give folders written by 'hardformer explore fma-array --out'");
    }
    try {
      JsonNode head = JSON.readTree(Files.readString(sweepFile, StandardCharsets.UTF_8));
      if (head == null || head.get("sweep") == null || head.get("shard") == null) {
        throw new IllegalArgumentException(
            "'" + sweepFile + "' has no 'sweep' or 'shard'; rerun explore fma-array into it");
      }
      ShardSpec shard = ShardSpec.parse(head.get("shard").asText());
      List<ExplorePoint> points = new ArrayList<>();
      int line = 0;
      for (String l : Files.readAllLines(pointsFile, StandardCharsets.UTF_8)) {
        line++;
        if (l.isBlank()) {
          continue;
        }
        try {
          points.add(ExplorePoint.fromJson(JSON.readTree(l)));
        } catch (IOException | IllegalArgumentException e) {
          throw new IllegalArgumentException(
              pointsFile + ":" + line + ": not a point (" + firstLine(e) + "); rerun the shard");
        }
      }
      return new ExploreFolder(dir, head.get("sweep"), shard, points);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "cannot read '" + dir + "' as an explore folder (" + firstLine(e) + ")");
    }
  }

  private static String firstLine(Exception e) {
    String m = String.valueOf(e.getMessage());
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }

  static String json(Map<String, Object> m) {
    try {
      return JSON.writeValueAsString(m);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String pretty(JsonNode n) {
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(n);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

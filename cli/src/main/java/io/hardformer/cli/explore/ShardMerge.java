package io.hardformer.cli.explore;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Joins the shards of one sweep into the whole sweep. Refused, with one line naming the folders:
 * shards of different sweeps or of different N, the same shard twice, a missing shard, and a shard
 * whose points are not exactly the ones {@code --shard I/N} takes.
 */
public final class ShardMerge {
  private ShardMerge() {}

  /**
   * The whole sweep, to be written into {@code out}.
   *
   * @throws IllegalArgumentException one line saying which folders do not fit and how to fix it
   */
  public static ExploreFolder merge(List<ExploreFolder> shards, Path out) {
    ExploreFolder first = shards.get(0);
    Map<Integer, ExploreFolder> byIndex = new TreeMap<>();
    for (ExploreFolder s : shards) {
      if (!s.sweep().equals(first.sweep())) {
        throw new IllegalArgumentException(
            "'"
                + s.dir()
                + "' is from another sweep than '"
                + first.dir()
                + "' ("
                + difference(first.sweep(), s.sweep())
                + "); merge only shards of one explore fma-array command line");
      }
      if (s.shard().count() != first.shard().count()) {
        throw new IllegalArgumentException(
            "'"
                + s.dir()
                + "' is shard "
                + s.shard()
                + " but '"
                + first.dir()
                + "' is shard "
                + first.shard()
                + "; merge the shards of one --shard I/N split");
      }
      ExploreFolder twin = byIndex.put(s.shard().index(), s);
      if (twin != null) {
        throw new IllegalArgumentException(
            "'"
                + twin.dir()
                + "' and '"
                + s.dir()
                + "' are both shard "
                + s.shard()
                + "; give each shard once");
      }
      checkPoints(s, first.sweep().get("points").asInt());
    }
    int n = first.shard().count();
    List<String> missing = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      if (!byIndex.containsKey(i)) {
        missing.add(i + "/" + n);
      }
    }
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException(
          "shard"
              + (missing.size() > 1 ? "s " : " ")
              + String.join(", ", missing)
              + " missing; give all "
              + n
              + " shard folders");
    }
    List<ExplorePoint> all = new ArrayList<>();
    shards.forEach(s -> all.addAll(s.points()));
    all.sort(Comparator.comparingInt(ExplorePoint::index));
    return new ExploreFolder(out, first.sweep(), ShardSpec.WHOLE, all);
  }

  private static void checkPoints(ExploreFolder s, int total) {
    List<Integer> expected = new ArrayList<>();
    for (int i = 0; i < total; i++) {
      if (s.shard().includes(i)) {
        expected.add(i);
      }
    }
    List<Integer> got = s.points().stream().map(ExplorePoint::index).toList();
    if (!got.equals(expected)) {
      throw new IllegalArgumentException(
          "'"
              + s.dir()
              + "' holds points "
              + got
              + " but shard "
              + s.shard()
              + " of "
              + total
              + " points is "
              + expected
              + "; rerun that shard");
    }
  }

  /** The first key whose values differ, as {@code k 256 vs 4096}. */
  static String difference(JsonNode a, JsonNode b) {
    for (Iterator<String> keys = a.fieldNames(); keys.hasNext(); ) {
      String k = keys.next();
      if (!a.get(k).equals(b.get(k))) {
        return k + " " + text(a.get(k)) + " vs " + text(b.get(k));
      }
    }
    return "different keys";
  }

  private static String text(JsonNode n) {
    return n == null ? "(none)" : n.isValueNode() ? n.asText() : n.toString();
  }
}

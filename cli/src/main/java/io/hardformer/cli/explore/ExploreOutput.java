package io.hardformer.cli.explore;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What the explore commands print on stdout: with {@code --json} one JSON object (sweep, shard,
 * points, Pareto front as point indices) and nothing else; otherwise the Pareto front, one line per
 * point, and the folder.
 */
final class ExploreOutput {
  private ExploreOutput() {}

  static void print(ExploreFolder f, boolean json) {
    if (json) {
      System.out.println(f.summaryJson());
      return;
    }
    Map<Integer, ExplorePoint> byIndex =
        f.points().stream().collect(Collectors.toMap(ExplorePoint::index, Function.identity()));
    List<Integer> front = ParetoFront.ofPoints(f.points());
    System.out.println(
        (f.shard().count() > 1 ? "shard " + f.shard() + ": " : "")
            + "Pareto front of "
            + f.points().size()
            + " points (transistors per FMA, Gaussian max err/sum|xw|):");
    for (int i : front) {
      ExplorePoint p = byIndex.get(i);
      System.out.printf(
          Locale.ROOT,
          "  %-28s %,9d  %.2e%n",
          ExploreReport.label(p),
          p.transistorsPerFma(),
          p.paretoError());
    }
    System.out.println(
        "wrote "
            + f.dir().resolve(f.shard().count() == 1 ? ExploreFolder.PAGE : ExploreFolder.POINTS));
  }
}

package io.hardformer.cli.explore;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The Pareto front of points that each cost something and err by something, both to be minimized: a
 * point is dominated when another is no worse in both and better in at least one. Equal points are
 * all on the front.
 */
public final class ParetoFront {
  private ParetoFront() {}

  /** A point: its id, its cost and its error. */
  public record Candidate(int id, double cost, double error) {}

  /** The ids of the non-dominated candidates, by rising cost (then rising error, then id). */
  public static List<Integer> of(List<Candidate> candidates) {
    List<Candidate> front = new ArrayList<>();
    for (Candidate c : candidates) {
      boolean dominated = false;
      for (Candidate o : candidates) {
        if (o.cost() <= c.cost()
            && o.error() <= c.error()
            && (o.cost() < c.cost() || o.error() < c.error())) {
          dominated = true;
          break;
        }
      }
      if (!dominated) {
        front.add(c);
      }
    }
    front.sort(
        Comparator.comparingDouble(Candidate::cost)
            .thenComparingDouble(Candidate::error)
            .thenComparingInt(Candidate::id));
    return front.stream().map(Candidate::id).toList();
  }

  /** The front of the priced points, as point indices. */
  public static List<Integer> ofPoints(List<ExplorePoint> points) {
    List<Candidate> c = new ArrayList<>();
    for (ExplorePoint p : points) {
      if (p.priced()) {
        c.add(new Candidate(p.index(), p.transistorsPerFma(), p.paretoError()));
      }
    }
    return of(c);
  }
}

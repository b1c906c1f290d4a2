package io.hardformer.cli.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.hardformer.cli.explore.ParetoFront.Candidate;
import io.hardformer.generators.array.AccumulationAccuracy.Errors;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Pareto front of hand-made sets, worked out on paper. */
class ParetoFrontTest {
  @Test
  void frontOfAHandMadeSet() {
    List<Candidate> c =
        List.of(
            new Candidate(0, 1000, 1e-3), // front
            new Candidate(1, 2000, 1e-5), // front
            new Candidate(2, 1500, 2e-3), // dominated by 0 (cheaper and better)
            new Candidate(3, 2000, 1e-4), // dominated by 1 (same cost, worse error)
            new Candidate(4, 3000, 1e-5), // dominated by 1 (same error, dearer)
            new Candidate(5, 1000, 1e-3), // equal to 0: both on the front
            new Candidate(6, 500, 1e-1), // front: cheapest
            new Candidate(7, 5000, 1e-9)); // front: most accurate
    assertEquals(List.of(6, 0, 5, 1, 7), ParetoFront.of(c));
  }

  @Test
  void oneCandidateIsTheFrontAndNoneIsEmpty() {
    assertEquals(List.of(3), ParetoFront.of(List.of(new Candidate(3, 1, 1))));
    assertEquals(List.of(), ParetoFront.of(List.of()));
  }

  @Test
  void pointsWithoutAreaAreLeftOut() {
    Errors tiny = new Errors(1e-9, 1e-9, 1e-9, 1e-9, 1);
    Errors big = new Errors(1e-3, 1e-3, 1e-3, 1e-3, 1);
    List<ExplorePoint> points =
        List.of(point(0, 5000L, big), point(1, null, tiny), point(2, 9000L, tiny));
    // without area, point 1 would dominate point 2
    assertEquals(List.of(0, 2), ParetoFront.ofPoints(points));
  }

  private static ExplorePoint point(int index, Long transistors, Errors e) {
    return new ExplorePoint(
        index,
        "e4m3",
        "fp32",
        0,
        0,
        1,
        256,
        64,
        64,
        "--acc fp32",
        transistors,
        transistors == null ? null : 0.1,
        transistors == null ? null : 100L,
        transistors == null ? "no area" : null,
        e,
        e,
        "K + 1",
        257);
  }
}

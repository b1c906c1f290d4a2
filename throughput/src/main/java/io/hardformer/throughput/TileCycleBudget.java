package io.hardformer.throughput;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A tile's per-token cycle budget for a model, from measured unit cycles: each unit kind has {@code
 * copies} instances in the tile, all unit kinds work concurrently on different tokens of a batch (a
 * layer's steps are a pipeline through the units), so the tile's cycles per token are those of its
 * busiest unit kind, the binding one.
 */
public final class TileCycleBudget {
  /** One unit kind's share. */
  public record Line(String unit, double cyclesPerToken, int copies) {
    /** Cycles per token once the copies share the work. */
    public double effectiveCycles() {
      return cyclesPerToken / copies;
    }
  }

  private final ModelShape model;
  private final double context;
  private final List<Line> lines = new ArrayList<>();

  /**
   * @param copies instances of each measured unit in the tile, by unit name; a unit without an
   *     entry counts as one copy
   */
  public TileCycleBudget(
      ModelShape model,
      double context,
      List<MeasuredUnitCycles> measured,
      Map<String, Integer> copies) {
    this.model = model;
    this.context = context;
    Map<String, Double> byUnit = new LinkedHashMap<>();
    for (MeasuredUnitCycles m : measured) {
      byUnit.merge(m.unit(), m.cyclesPerToken(model, context), Double::sum);
    }
    byUnit.forEach(
        (unit, cycles) ->
            lines.add(new Line(unit, cycles, Math.max(1, copies.getOrDefault(unit, 1)))));
  }

  public ModelShape model() {
    return model;
  }

  public double context() {
    return context;
  }

  public List<Line> lines() {
    return List.copyOf(lines);
  }

  /** The unit kind that sets the pace. */
  public Line binding() {
    Line worst = lines.get(0);
    for (Line l : lines) {
      if (l.effectiveCycles() > worst.effectiveCycles()) {
        worst = l;
      }
    }
    return worst;
  }

  /** Cycles per token of the whole tile: its binding unit's. */
  public double cyclesPerToken() {
    return binding().effectiveCycles();
  }

  /** This unit kind's share of all unit cycles spent on a token. */
  public double cycleShare(Line line) {
    double total = 0;
    for (Line l : lines) {
      total += l.cyclesPerToken();
    }
    return line.cyclesPerToken() / total;
  }

  /** Tokens per second of one tile at {@code clockHz}, compute alone (no memory limit). */
  public double tokensPerSecond(double clockHz) {
    return clockHz / cyclesPerToken();
  }
}

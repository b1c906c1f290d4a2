package io.hardformer.cli.report;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.axis.TickType;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;

/**
 * A base-10 log axis over a fixed range, ticked at every decade (never at fractional exponents such
 * as 10^11.4) with plain-text labels, so the SVG carries the labels as text: SI labels (1, 10, 100,
 * 1k, ..., 1P) by default, or any label per decade exponent (the explorer's {@code 1e-9}).
 */
public final class DecadeLogAxis extends LogAxis {
  private final IntFunction<String> tickLabel;

  DecadeLogAxis(String label, double min, double max) {
    this(label, min, max, e -> SiNumberFormat.format1(Math.pow(10, e)));
  }

  /** Ticks labelled {@code tickLabel.apply(e)} at 10^e. */
  public DecadeLogAxis(String label, double min, double max, IntFunction<String> tickLabel) {
    super(label);
    this.tickLabel = tickLabel;
    setBase(10);
    setSmallestValue(min);
    setRange(min, max);
  }

  /** Decades of [lower, upper], as exponents. */
  static List<Integer> decades(double lower, double upper) {
    List<Integer> d = new ArrayList<>();
    for (int e = (int) Math.ceil(Math.log10(lower) - 1e-9);
        e <= Math.floor(Math.log10(upper) + 1e-9);
        e++) {
      d.add(e);
    }
    return d;
  }

  @Override
  @SuppressWarnings({"rawtypes", "unchecked"})
  public List refreshTicks(
      Graphics2D g2, AxisState state, Rectangle2D dataArea, RectangleEdge edge) {
    boolean vertical = RectangleEdge.isLeftOrRight(edge);
    TextAnchor anchor =
        vertical
            ? (RectangleEdge.LEFT.equals(edge) ? TextAnchor.CENTER_RIGHT : TextAnchor.CENTER_LEFT)
            : (RectangleEdge.TOP.equals(edge) ? TextAnchor.BOTTOM_CENTER : TextAnchor.TOP_CENTER);
    List ticks = new ArrayList();
    for (int e : decades(getLowerBound(), getUpperBound())) {
      ticks.add(
          new NumberTick(TickType.MAJOR, Math.pow(10, e), tickLabel.apply(e), anchor, anchor, 0.0));
    }
    return ticks;
  }
}

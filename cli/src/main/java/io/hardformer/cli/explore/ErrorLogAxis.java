package io.hardformer.cli.explore;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.axis.TickType;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;

/**
 * A base-10 log axis for relative errors over whole decades, ticked at every decade and labelled
 * {@code 1e-9}, {@code 1e-8}, ... as plain SVG text.
 */
final class ErrorLogAxis extends LogAxis {
  ErrorLogAxis(String label, int lowDecade, int highDecade) {
    super(label);
    setBase(10);
    setSmallestValue(Math.pow(10, lowDecade));
    setRange(Math.pow(10, lowDecade), Math.pow(10, highDecade));
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
    int lo = (int) Math.round(Math.log10(getLowerBound()));
    int hi = (int) Math.round(Math.log10(getUpperBound()));
    for (int e = lo; e <= hi; e++) {
      ticks.add(new NumberTick(TickType.MAJOR, Math.pow(10, e), "1e" + e, anchor, anchor, 0.0));
    }
    return ticks;
  }
}

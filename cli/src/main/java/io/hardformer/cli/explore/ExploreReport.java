package io.hardformer.cli.explore;

import com.fasterxml.jackson.databind.JsonNode;
import io.hardformer.cli.report.DecadeLogAxis;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.svg.SVGGraphics2D;

/**
 * The explorer's {@code index.html}: offline, one inline SVG chart drawn by JFreeChart into
 * JFreeSVG (transistors per FMA against max relative error on Gaussian inputs, log scale; the
 * Pareto front as filled blue circles joined by a line, dominated points as hollow grey squares)
 * and a table of every point. The same points give the same bytes (fixed SVG ids, no dates).
 */
public final class ExploreReport {
  private static final int W = 900;
  private static final int H = 520;
  private static final Color FRONT = new Color(0x0072B2);
  private static final Color DOMINATED = new Color(0x888888);

  private ExploreReport() {}

  /** The page of a sweep ({@code sweep.json}'s {@code sweep} object) and all its points. */
  public static String html(JsonNode sweep, List<ExplorePoint> points, List<Integer> front) {
    System.setProperty("java.awt.headless", "true");
    Set<Integer> onFront = new HashSet<>(front);
    StringBuilder h = new StringBuilder();
    h.append(
            "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<title>Hardformer explore fma-array</title>\n")
        .append(
            "<style>body{font-family:sans-serif;max-width:1100px;margin:2em auto;color:#222}"
                + "table{border-collapse:collapse;font-size:90%}td,th{border:1px solid #ccc;"
                + "padding:3px 6px;text-align:right}td.l,th.l{text-align:left;white-space:nowrap}"
                + "tr.front{font-weight:bold}tr.dominated{color:#777}tr.unpriced{color:#a33}"
                + "figure{margin:2em 0}</style></head>\n<body>\n")
        .append("<h1>FMA array: area against accuracy</h1>\n");
    h.append(
        String.format(
            Locale.ROOT,
            "<p>%d points: formats %s, accumulators %s, lanes %s; %d&times;%d arrays, K = %d. "
                + "Area from the bundled Yosys unit table (as <code>hardformer area fma-array "
                + "--json</code>); errors of the bit-exact golden model against FP64 over %d&times;%d "
                + "outputs per input class (seeded). The Pareto front minimizes transistors per FMA "
                + "and the max error relative to &Sigma;|x&middot;w| on Gaussian inputs; "
                + "%d of %d priced points are on it.</p>%n",
            points.size(),
            esc(join(sweep.get("formats"))),
            esc(join(sweep.get("acc"))),
            esc(join(sweep.get("lanes"))),
            sweep.get("rows").asInt(),
            sweep.get("cols").asInt(),
            sweep.get("k").asInt(),
            sweep.get("samples").asInt(),
            sweep.get("samples").asInt(),
            front.size(),
            points.stream().filter(ExplorePoint::priced).count()));
    figure(h, chart(points, front));
    table(h, points, onFront);
    // marks the chart with its rendered size, so a headless browser can tell that it was drawn
    h.append(
        "<script>window.addEventListener('load',function(){var s=document.querySelectorAll("
            + "'figure svg'),n=0,sizes=[];s.forEach(function(g){var b=g.getBoundingClientRect();"
            + "var shapes=g.querySelectorAll('path,rect,line,polyline,polygon,text,circle,ellipse')"
            + ".length;if(b.width>0&&b.height>0&&shapes>10){n++;}sizes.push(Math.round(b.width)+'x'"
            + "+Math.round(b.height)+':'+shapes);});document.body.setAttribute("
            + "'data-charts-rendered',n);document.body.setAttribute('data-chart-sizes',"
            + "sizes.join(' '));});</script>\n</body></html>\n");
    return h.toString();
  }

  /** A point's short name in the chart: {@code e4m3 fixed:13:128 x16}. */
  static String label(ExplorePoint p) {
    String acc =
        p.accBits() > 0
            ? p.acc() + ":" + p.accBits() + (p.promoteEvery() > 0 ? ":" + p.promoteEvery() : "")
            : p.acc();
    return p.format() + " " + acc + (p.lanes() > 1 ? " x" + p.lanes() : "");
  }

  private static void figure(StringBuilder h, JFreeChart chart) {
    SVGGraphics2D g = new SVGGraphics2D(W, H);
    g.setDefsKeyPrefix("pareto"); // JFreeSVG's default prefix is the time: keep reruns identical
    chart.draw(g, new Rectangle(0, 0, W, H));
    h.append("<figure id=\"pareto\">")
        .append(g.getSVGElement("pareto-svg"))
        .append(
            "<figcaption>Transistors per FMA (x) against max |y &minus; exact| / &Sigma;|x&middot;w|"
                + " on Gaussian inputs (y, log scale). Filled blue circles joined by a line: the "
                + "Pareto front; hollow grey squares: dominated points. Points without a "
                + "synthesized cell in the unit table are only in the table.</figcaption>"
                + "</figure>\n");
  }

  private static JFreeChart chart(List<ExplorePoint> points, List<Integer> front) {
    Map<Integer, ExplorePoint> byIndex =
        points.stream().collect(Collectors.toMap(ExplorePoint::index, Function.identity()));
    double lo = Double.MAX_VALUE;
    double hi = 0;
    for (ExplorePoint p : points) {
      if (p.priced() && p.paretoError() > 0) {
        lo = Math.min(lo, p.paretoError());
        hi = Math.max(hi, p.paretoError());
      }
    }
    int low = hi == 0 ? -10 : (int) Math.floor(Math.log10(lo));
    int high = hi == 0 ? 0 : Math.max(low + 1, (int) Math.ceil(Math.log10(hi)));
    double floor = Math.pow(10, low);
    XYSeries frontSeries = new XYSeries("Pareto front (" + front.size() + ")", false);
    for (int i : front) {
      ExplorePoint p = byIndex.get(i);
      frontSeries.add(p.transistorsPerFma().doubleValue(), Math.max(floor, p.paretoError()));
    }
    Set<Integer> onFront = new HashSet<>(front);
    XYSeries dominated = new XYSeries("dominated", false);
    for (ExplorePoint p : points) {
      if (p.priced() && !onFront.contains(p.index())) {
        dominated.add(p.transistorsPerFma().doubleValue(), Math.max(floor, p.paretoError()));
      }
    }
    dominated.setKey("dominated (" + dominated.getItemCount() + ")");
    XYSeriesCollection data = new XYSeriesCollection();
    data.addSeries(frontSeries);
    data.addSeries(dominated);
    String xLabel = "transistors per FMA";
    String yLabel = "max error / Σ|x·w|, Gaussian";
    JFreeChart chart =
        ChartFactory.createXYLineChart(
            null, xLabel, yLabel, data, PlotOrientation.VERTICAL, true, false, false);
    XYPlot plot = chart.getXYPlot();
    NumberAxis x = (NumberAxis) plot.getDomainAxis();
    x.setAutoRangeIncludesZero(false);
    x.setNumberFormatOverride(new java.text.DecimalFormat("#,##0"));
    plot.setRangeAxis(
        new DecadeLogAxis(yLabel, Math.pow(10, low), Math.pow(10, high), e -> "1e" + e));
    Font ticks = new Font("SansSerif", Font.PLAIN, 12);
    x.setTickLabelFont(ticks);
    plot.getRangeAxis().setTickLabelFont(ticks);
    XYLineAndShapeRenderer r = new XYLineAndShapeRenderer();
    r.setSeriesLinesVisible(0, true);
    r.setSeriesShapesVisible(0, true);
    r.setSeriesShapesFilled(0, true);
    r.setSeriesShape(0, new Ellipse2D.Double(-6, -6, 12, 12));
    r.setSeriesPaint(0, FRONT);
    r.setSeriesStroke(0, new BasicStroke(2f));
    r.setSeriesLinesVisible(1, false);
    r.setSeriesShapesVisible(1, true);
    r.setSeriesShapesFilled(1, false);
    r.setSeriesShape(1, new Rectangle2D.Double(-5, -5, 10, 10));
    r.setSeriesPaint(1, DOMINATED);
    r.setSeriesStroke(1, new BasicStroke(1.5f));
    r.setUseOutlinePaint(false);
    plot.setRenderer(r);
    for (int i : front) {
      ExplorePoint p = byIndex.get(i);
      XYTextAnnotation a =
          new XYTextAnnotation(
              label(p), p.transistorsPerFma().doubleValue(), Math.max(floor, p.paretoError()));
      a.setFont(new Font("SansSerif", Font.PLAIN, 12));
      a.setTextAnchor(TextAnchor.BOTTOM_LEFT);
      a.setPaint(FRONT);
      plot.addAnnotation(a);
    }
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
    plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
    chart.setBackgroundPaint(Color.WHITE);
    return chart;
  }

  private static void table(StringBuilder h, List<ExplorePoint> points, Set<Integer> onFront) {
    h.append(
        "<table><tr><th>#</th><th class=\"l\">configuration</th><th>transistors/FMA</th>"
            + "<th>mm&sup2;</th><th>register bits</th><th>Gaussian max err/&Sigma;|xw|</th>"
            + "<th>Gaussian RMS err/&Sigma;|xw|</th><th>Gaussian max err/|y|</th>"
            + "<th>Student-t max err/&Sigma;|xw|</th><th>Student-t RMS err/&Sigma;|xw|</th>"
            + "<th>cycles per matmul</th><th class=\"l\">Pareto</th></tr>\n");
    for (ExplorePoint p : points) {
      String kind = !p.priced() ? "unpriced" : onFront.contains(p.index()) ? "front" : "dominated";
      h.append(
          String.format(
              Locale.ROOT,
              "<tr class=\"%s\"><td>%d</td><td class=\"l\" title=\"%s\">%s</td><td>%s</td>"
                  + "<td>%s</td><td>%s</td><td>%.2e</td><td>%.2e</td><td>%.2e</td><td>%.2e</td>"
                  + "<td>%.2e</td><td title=\"%s\">%,d</td><td class=\"l\"%s>%s</td></tr>%n",
              kind,
              p.index(),
              esc(p.options()),
              esc(label(p)),
              p.priced() ? String.format(Locale.ROOT, "%,d", p.transistorsPerFma()) : "&ndash;",
              p.priced() ? String.format(Locale.ROOT, "%.3f", p.mm2()) : "&ndash;",
              p.priced() ? String.format(Locale.ROOT, "%,d", p.registerBits()) : "&ndash;",
              p.gaussian().maxRelSumAbs(),
              p.gaussian().rmsRelSumAbs(),
              p.gaussian().maxRelY(),
              p.studentT3().maxRelSumAbs(),
              p.studentT3().rmsRelSumAbs(),
              esc(p.cycleFormula()),
              p.cyclesPerMatmul(),
              p.priced() ? "" : " title=\"" + esc(p.areaNote()) + "\"",
              kind.equals("front")
                  ? "on the front"
                  : kind.equals("dominated") ? "dominated" : "no area in the unit table"));
    }
    h.append("</table>\n");
  }

  private static String join(JsonNode array) {
    StringBuilder s = new StringBuilder();
    for (JsonNode n : array) {
      s.append(s.length() == 0 ? "" : ", ").append(n.asText());
    }
    return s.toString();
  }

  private static String esc(String s) {
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}

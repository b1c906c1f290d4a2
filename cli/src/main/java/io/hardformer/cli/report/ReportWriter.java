package io.hardformer.cli.report;

import io.hardformer.area.AreaFigures;
import io.hardformer.cli.output.OutputDirectory;
import io.hardformer.throughput.Chip;
import io.hardformer.throughput.ClaimCheck;
import io.hardformer.throughput.Roofline;
import io.hardformer.throughput.Workload;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Polygon;
import java.awt.Rectangle;
import java.awt.geom.Rectangle2D;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.svg.SVGGraphics2D;

/**
 * The estimate as an offline HTML page ({@code index.html}, no external resources) with three SVG
 * charts drawn by JFreeChart into JFreeSVG: the roofline with every configuration's prefill and
 * decode as points, area by unit of the tile, and tokens/s against batch per chip.
 */
public final class ReportWriter {
  private static final int W = 900;
  private static final int H = 480;

  private ReportWriter() {}

  /** One unit's area for the area chart. */
  public record UnitArea(String name, double nand2, double mm2) {}

  public static Path write(
      Path dir, Roofline.Estimate e, List<ClaimCheck.Finding> claims, List<UnitArea> areaByUnit) {
    System.setProperty("java.awt.headless", "true");
    List<Roofline.Estimate> configs = configurations(e);
    StringBuilder html = new StringBuilder();
    html.append(
            "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Hardformer estimate</title>\n")
        .append(
            "<style>body{font-family:sans-serif;max-width:960px;margin:2em auto;color:#222}table{border-collapse:collapse}"
                + "td,th{border:1px solid #ccc;padding:4px 8px;text-align:left}figure{margin:2em 0}</style></head>\n<body>\n")
        .append("<h1>Hardformer inference estimate</h1>\n");
    Workload w = e.workload();
    html.append(
        String.format(
            Locale.ROOT,
            "<p>%s on %d &times; %s, tensor parallel %d, %d in / %d out tokens, batch %d: "
                + "<b>%,.0f tokens/s</b> (input + output), bound by %s.</p>%n",
            esc(w.model().name()),
            w.chips(),
            esc(e.chip().name()),
            w.tp(),
            w.inputTokens(),
            w.outputTokens(),
            e.batch(),
            e.tokensPerSecond(),
            e.binding().name().toLowerCase()));
    html.append(
        "<table><tr><th>configuration</th><th>tokens/s</th><th>batch</th><th>prefill bound</th><th>decode bound</th></tr>\n");
    for (Roofline.Estimate c : configs) {
      html.append(
          String.format(
              Locale.ROOT,
              "<tr><td>%s</td><td>%,.0f</td><td>%,d</td><td>%s</td><td>%s</td></tr>%n",
              esc(label(c, e)),
              c.tokensPerSecond(),
              c.batch(),
              c.prefill().bound().name().toLowerCase(),
              c.decode().bound().name().toLowerCase()));
    }
    html.append("</table>\n");
    figure(
        html,
        "roofline",
        "Roofline: attainable FLOP/s per chip against arithmetic intensity (log-log, decades); "
            + "each configuration's prefill (square) and decode (triangle) at their achieved FLOP/s",
        roofline(configs, e));
    figure(
        html,
        "area",
        "Area by unit of the tile: mm&sup2; at "
            + AreaFigures.DEFAULT_DENSITY_MTR_PER_MM2
            + " MTr/mm&sup2; ("
            + esc(AreaFigures.DENSITY_SOURCE)
            + "), NAND2 equivalents in the labels",
        area(areaByUnit));
    figure(
        html,
        "batch",
        "Tokens/s against batch per tensor-parallel group, "
            + esc(w.model().name())
            + ", each "
            + "configuration above",
        batch(e));
    if (!claims.isEmpty()) {
      html.append(
          "<h2>Published claims</h2>\n<table><tr><th>finding</th><th>value</th><th>how</th></tr>\n");
      for (ClaimCheck.Finding f : claims) {
        html.append("<tr><td>")
            .append(esc(f.what()))
            .append("</td><td>")
            .append(esc(FindingFormat.of(f)))
            .append("</td><td>")
            .append(esc(f.how()))
            .append("</td></tr>\n");
      }
      html.append("</table>\n");
    }
    html.append("<h2>Sources</h2>\n<ul>\n");
    for (Chip c :
        new java.util.LinkedHashSet<>(configs.stream().map(Roofline.Estimate::chip).toList())) {
      html.append("<li>")
          .append(esc(c.name()))
          .append(": ")
          .append(esc(c.flopsSource()))
          .append("; ")
          .append(esc(c.hbmSource()))
          .append("; ")
          .append(esc(c.capacitySource()))
          .append("; ")
          .append(esc(c.linkSource()))
          .append("</li>\n");
    }
    html.append("<li>models: ").append(esc(w.model().source())).append("</li>\n</ul>\n");
    // marks each chart with its rendered size, so a headless browser can tell that it was laid out
    // and drawn
    html.append(
        "<script>window.addEventListener('load',function(){var s=document.querySelectorAll('figure svg'),n=0,"
            + "sizes=[];s.forEach(function(g){var b=g.getBoundingClientRect();var shapes=g.querySelectorAll('path,rect,line,"
            + "polyline,polygon,text').length;if(b.width>0&&b.height>0&&shapes>10){n++;}sizes.push(Math.round(b.width)+'x'"
            + "+Math.round(b.height)+':'+shapes);});document.body.setAttribute('data-charts-rendered',n);"
            + "document.body.setAttribute('data-chart-sizes',sizes.join(' '));});</script>\n</body></html>\n");
    try (OutputDirectory o = OutputDirectory.open(dir, "report")) {
      o.write("index.html", html.toString());
      o.commit();
      return dir.resolve("index.html");
    }
  }

  private static void figure(StringBuilder html, String id, String caption, JFreeChart chart) {
    SVGGraphics2D g = new SVGGraphics2D(W, H);
    chart.draw(g, new Rectangle(0, 0, W, H));
    html.append("<figure id=\"")
        .append(id)
        .append("\">")
        .append(g.getSVGElement(id + "-svg"))
        .append("<figcaption>")
        .append(caption)
        .append("</figcaption></figure>\n");
  }

  /**
   * The presets at the claim's conditions, then the user's estimate unless it is one of them (then
   * once).
   */
  static List<Roofline.Estimate> configurations(Roofline.Estimate user) {
    List<Roofline.Estimate> configs = new ArrayList<>();
    Workload claim = Workload.claimConditions(user.workload().model());
    boolean seen = false;
    for (Chip c : Chip.presets()) {
      Roofline.Estimate p = Roofline.estimate(claim, c);
      if (p.equals(user)) {
        p = user;
        seen = true;
      }
      configs.add(p);
    }
    if (!seen) {
      configs.add(user);
    }
    return configs;
  }

  /**
   * The roofline chart's x range: whole decades, one beyond the lowest and the highest point's
   * intensity.
   */
  static double[] intensityRange(List<Roofline.Estimate> configs) {
    double lo = Double.MAX_VALUE;
    double hi = 0;
    for (Roofline.Estimate e : configs) {
      for (Roofline.Phase p : new Roofline.Phase[] {e.prefill(), e.decode()}) {
        lo = Math.min(lo, p.intensity(e.workload().tp()));
        hi = Math.max(hi, p.intensity(e.workload().tp()));
      }
    }
    return new double[] {
      Math.pow(10, Math.floor(Math.log10(lo)) - 1), Math.pow(10, Math.ceil(Math.log10(hi)) + 1)
    };
  }

  private static String label(Roofline.Estimate c, Roofline.Estimate user) {
    return (c.equals(user) ? "this estimate: " : "")
        + c.workload().chips()
        + " x "
        + c.chip().name()
        + (c.workload().weightBytes() == 1
            ? ""
            : " (" + (int) c.workload().weightBytes() + "-byte weights)");
  }

  private static JFreeChart roofline(List<Roofline.Estimate> configs, Roofline.Estimate user) {
    XYSeriesCollection data = new XYSeriesCollection();
    double[] x = intensityRange(configs);
    double xMin = x[0];
    double xMax = x[1];
    Map<Chip, String> chips = new LinkedHashMap<>();
    for (Roofline.Estimate e : configs) {
      chips.putIfAbsent(
          e.chip(),
          String.format(
              Locale.ROOT,
              "%s roof: %s FLOP/s, %s B/s HBM",
              e.chip().name(),
              SiNumberFormat.format1(e.chip().flops()),
              SiNumberFormat.format1(e.chip().hbmBytesPerSecond())));
    }
    double yMin = Double.MAX_VALUE;
    double yMax = 0;
    for (Map.Entry<Chip, String> c : chips.entrySet()) {
      XYSeries s = new XYSeries(c.getValue());
      double ridge = c.getKey().flops() / c.getKey().hbmBytesPerSecond();
      // the roof: the bandwidth slope from xMin to the ridge point, then flat to xMax (exact, no
      // sampling)
      s.add(xMin, c.getKey().hbmBytesPerSecond() * xMin);
      if (ridge > xMin && ridge < xMax) {
        s.add(ridge, c.getKey().flops());
      }
      s.add(xMax, Math.min(c.getKey().flops(), c.getKey().hbmBytesPerSecond() * xMax));
      yMin = Math.min(yMin, c.getKey().hbmBytesPerSecond() * xMin);
      yMax = Math.max(yMax, c.getKey().flops());
      data.addSeries(s);
    }
    int lines = data.getSeriesCount();
    List<Chip> roofs = new ArrayList<>(chips.keySet());
    List<Integer> colour = new ArrayList<>();
    for (int i = 0; i < lines; i++) {
      colour.add(i);
    }
    for (Roofline.Estimate e : configs) {
      colour.add(roofs.indexOf(e.chip()));
      XYSeries s = new XYSeries(label(e, user) + ": prefill, decode", false);
      int tp = e.workload().tp();
      for (Roofline.Phase p : new Roofline.Phase[] {e.prefill(), e.decode()}) {
        double y = p.achievedFlopsPerSecond(tp);
        s.add(p.intensity(tp), y);
        yMin = Math.min(yMin, y);
      }
      data.addSeries(s);
    }
    JFreeChart chart =
        ChartFactory.createXYLineChart(
            null,
            "arithmetic intensity (FLOP per HBM byte)",
            "FLOP/s per chip",
            data,
            PlotOrientation.VERTICAL,
            true,
            false,
            false);
    XYPlot plot = chart.getXYPlot();
    plot.setDomainAxis(decades("arithmetic intensity (FLOP per HBM byte)", xMin, xMax));
    plot.setRangeAxis(
        decades(
            "FLOP/s per chip",
            Math.pow(10, Math.floor(Math.log10(yMin))),
            Math.pow(10, Math.ceil(Math.log10(yMax * 1.01)))));
    XYLineAndShapeRenderer r =
        new XYLineAndShapeRenderer() {
          @Override
          public java.awt.Shape getItemShape(int series, int item) {
            return item == 0
                ? new Rectangle2D.Double(-6, -6, 12, 12)
                : new Polygon(new int[] {-7, 0, 7}, new int[] {6, -7, 6}, 3);
          }
        };
    r.setUseOutlinePaint(true);
    r.setDefaultOutlinePaint(Color.BLACK);
    r.setDrawOutlines(true);
    for (int i = 0; i < data.getSeriesCount(); i++) {
      boolean line = i < lines;
      r.setSeriesLinesVisible(i, line);
      r.setSeriesShapesVisible(i, !line);
      r.setSeriesShapesFilled(i, true);
      r.setSeriesStroke(i, new BasicStroke(line ? 2.5f : 1f));
      r.setSeriesPaint(i, PALETTE[colour.get(i) % PALETTE.length]);
    }
    plot.setRenderer(r);
    style(chart);
    return chart;
  }

  /**
   * Distinct colours that stay apart in print and for the common colour-vision deficiencies
   * (Okabe-Ito).
   */
  private static final Color[] PALETTE = {
    new Color(0x0072B2),
    new Color(0xD55E00),
    new Color(0x009E73),
    new Color(0xCC79A7),
    new Color(0xE69F00),
    new Color(0x56B4E9),
    new Color(0x000000)
  };

  private static DecadeLogAxis decades(String label, double min, double max) {
    return new DecadeLogAxis(label, min, max);
  }

  /** The smallest of 1, 2, 5 x a power of ten that is at least {@code atLeast}. */
  static double niceStep(double atLeast) {
    double p = Math.pow(10, Math.floor(Math.log10(atLeast)));
    for (double m : new double[] {1, 2, 5, 10}) {
      if (m * p >= atLeast) {
        return m * p;
      }
    }
    return 10 * p;
  }

  private static void style(JFreeChart chart) {
    chart.getPlot().setBackgroundPaint(Color.WHITE);
    chart.setBackgroundPaint(Color.WHITE);
    if (chart.getPlot() instanceof XYPlot) {
      XYPlot p = chart.getXYPlot();
      p.setDomainGridlinePaint(Color.LIGHT_GRAY);
      p.setRangeGridlinePaint(Color.LIGHT_GRAY);
    }
  }

  private static JFreeChart area(List<UnitArea> units) {
    DefaultCategoryDataset d = new DefaultCategoryDataset();
    for (UnitArea u : units) {
      d.addValue(u.mm2(), "mm²", u.name());
    }
    JFreeChart chart =
        ChartFactory.createBarChart(
            null, "unit", "area (mm²)", d, PlotOrientation.HORIZONTAL, false, false, false);
    CategoryPlot plot = chart.getCategoryPlot();
    BarRenderer r = (BarRenderer) plot.getRenderer();
    r.setBarPainter(new StandardBarPainter());
    r.setShadowVisible(false);
    r.setSeriesPaint(0, PALETTE[0]);
    r.setMaximumBarWidth(0.25);
    Map<String, UnitArea> byName = new LinkedHashMap<>();
    units.forEach(u -> byName.put(u.name(), u));
    r.setDefaultItemLabelGenerator(
        new StandardCategoryItemLabelGenerator() {
          @Override
          public String generateLabel(
              org.jfree.data.category.CategoryDataset ds, int row, int column) {
            UnitArea u = byName.get((String) ds.getColumnKey(column));
            return String.format(
                Locale.ROOT,
                "%.4f mm² (%s NAND2 eq)",
                u.mm2(),
                SiNumberFormat.format1(Math.round(u.nand2())));
          }
        });
    r.setDefaultItemLabelsVisible(true);
    r.setDefaultItemLabelFont(new Font("SansSerif", Font.PLAIN, 13));
    r.setDefaultPositiveItemLabelPosition(
        new ItemLabelPosition(ItemLabelAnchor.OUTSIDE3, TextAnchor.CENTER_LEFT));
    double max = units.stream().mapToDouble(UnitArea::mm2).max().orElse(1);
    plot.getRangeAxis().setUpperBound(max * 1.6);
    style(chart);
    return chart;
  }

  private static JFreeChart batch(Roofline.Estimate user) {
    XYSeriesCollection data = new XYSeriesCollection();
    int maxBatch = 1;
    for (Roofline.Estimate config : configurations(user)) {
      Workload base = config.workload();
      Chip c = config.chip();
      String label =
          (config.equals(user) && !Chip.presets().contains(c) ? "this estimate: " : "")
              + c.name()
              + " ("
              + base.chips()
              + " chips, tp "
              + base.tp()
              + (base.weightBytes() == 1 ? "" : ", " + (int) base.weightBytes() + "-byte weights")
              + ")";
      XYSeries s = new XYSeries(label);
      int max = Roofline.maxBatch(base, c);
      for (int b = 1; b <= Math.max(1, max); b *= 2) {
        s.add(b, Roofline.estimate(base.withBatch(b), c).tokensPerSecond());
      }
      if (max > 1) {
        s.add(max, Roofline.estimate(base.withBatch(max), c).tokensPerSecond());
      }
      maxBatch = Math.max(maxBatch, max);
      data.addSeries(s);
    }
    JFreeChart chart =
        ChartFactory.createXYLineChart(
            null,
            "batch (sequences per tensor-parallel group)",
            "tokens/s (input + output)",
            data,
            PlotOrientation.VERTICAL,
            true,
            false,
            false);
    XYPlot plot = chart.getXYPlot();
    plot.setDomainAxis(
        decades(
            "batch (sequences per tensor-parallel group)",
            1,
            Math.pow(10, Math.ceil(Math.log10(maxBatch + 1)))));
    NumberAxis y = (NumberAxis) plot.getRangeAxis();
    y.setNumberFormatOverride(new SiNumberFormat());
    y.setTickUnit(new org.jfree.chart.axis.NumberTickUnit(niceStep(y.getUpperBound() / 8)));
    XYLineAndShapeRenderer r = (XYLineAndShapeRenderer) plot.getRenderer();
    for (int i = 0; i < data.getSeriesCount(); i++) {
      r.setSeriesShapesVisible(i, true);
      r.setSeriesStroke(i, new BasicStroke(2.5f));
      r.setSeriesPaint(i, PALETTE[i % PALETTE.length]);
    }
    style(chart);
    return chart;
  }

  private static String esc(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}

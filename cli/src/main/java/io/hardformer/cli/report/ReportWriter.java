package io.hardformer.cli.report;

import io.hardformer.cli.output.OutputDirectory;
import io.hardformer.generators.throughput.Chip;
import io.hardformer.generators.throughput.ClaimCheck;
import io.hardformer.generators.throughput.Roofline;
import io.hardformer.generators.throughput.Workload;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Rectangle;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.svg.SVGGraphics2D;

/**
 * The estimate as an offline HTML page ({@code index.html}, no external resources) with three SVG charts drawn
 * by JFreeChart into JFreeSVG: the roofline with every configuration's prefill and decode as points, area by
 * unit of the tile, and tokens/s against batch per chip.
 */
public final class ReportWriter {
  private static final int W = 900;
  private static final int H = 480;

  private ReportWriter() {}

  public static Path write(Path dir, Roofline.Estimate e, List<ClaimCheck.Finding> claims, Map<String, Double> areaByUnit) {
    System.setProperty("java.awt.headless", "true");
    List<Roofline.Estimate> configs = new ArrayList<>();
    Workload claim = Workload.claimConditions(e.workload().model());
    for (Chip c : Chip.presets()) {
      configs.add(Roofline.estimate(claim, c));
    }
    configs.add(e);
    StringBuilder html = new StringBuilder();
    html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Hardformer estimate</title>\n")
        .append("<style>body{font-family:sans-serif;max-width:960px;margin:2em auto;color:#222}table{border-collapse:collapse}"
            + "td,th{border:1px solid #ccc;padding:4px 8px;text-align:left}figure{margin:2em 0}</style></head>\n<body>\n")
        .append("<h1>Hardformer inference estimate</h1>\n");
    Workload w = e.workload();
    html.append(String.format(Locale.ROOT, "<p>%s on %d &times; %s, tensor parallel %d, %d in / %d out tokens, batch %d: "
        + "<b>%,.0f tokens/s</b> (input + output), bound by %s.</p>%n", esc(w.model().name()), w.chips(), esc(e.chip().name()),
        w.tp(), w.inputTokens(), w.outputTokens(), e.batch(), e.tokensPerSecond(), e.binding().name().toLowerCase()));
    html.append("<table><tr><th>configuration</th><th>tokens/s</th><th>batch</th><th>prefill bound</th><th>decode bound</th></tr>\n");
    for (Roofline.Estimate c : configs) {
      html.append(String.format(Locale.ROOT, "<tr><td>%d &times; %s</td><td>%,.0f</td><td>%,d</td><td>%s</td><td>%s</td></tr>%n",
          c.workload().chips(), esc(c.chip().name()), c.tokensPerSecond(), c.batch(), c.prefill().bound().name().toLowerCase(),
          c.decode().bound().name().toLowerCase()));
    }
    html.append("</table>\n");
    figure(html, "roofline", "Roofline: attainable FLOP/s per chip against arithmetic intensity; points are each "
        + "configuration's prefill and decode", roofline(configs));
    figure(html, "area", "Area by unit of the tile (NAND2 equivalents)", area(areaByUnit));
    figure(html, "batch", "Tokens/s against batch, " + esc(w.model().name()) + ", 8 chips, tensor parallel 8", batch(e));
    if (!claims.isEmpty()) {
      html.append("<h2>Published claims</h2>\n<table><tr><th>finding</th><th>value</th><th>how</th></tr>\n");
      for (ClaimCheck.Finding f : claims) {
        html.append("<tr><td>").append(esc(f.what())).append("</td><td>").append(esc(FindingFormat.of(f)))
            .append("</td><td>").append(esc(f.how())).append("</td></tr>\n");
      }
      html.append("</table>\n");
    }
    html.append("<h2>Sources</h2>\n<ul>\n");
    for (Chip c : Chip.presets()) {
      html.append("<li>").append(esc(c.name())).append(": ").append(esc(c.flopsSource())).append("; ").append(esc(c.hbmSource()))
          .append("; ").append(esc(c.capacitySource())).append("; ").append(esc(c.linkSource())).append("</li>\n");
    }
    html.append("<li>models: ").append(esc(w.model().source())).append("</li>\n</ul>\n");
    // marks each chart with its rendered size, so a headless browser can tell that it was laid out and drawn
    html.append("<script>window.addEventListener('load',function(){var s=document.querySelectorAll('figure svg'),n=0,"
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
    html.append("<figure id=\"").append(id).append("\">").append(g.getSVGElement(id + "-svg"))
        .append("<figcaption>").append(caption).append("</figcaption></figure>\n");
  }

  private static JFreeChart roofline(List<Roofline.Estimate> configs) {
    XYSeriesCollection data = new XYSeriesCollection();
    Map<String, Chip> chips = new LinkedHashMap<>();
    for (Roofline.Estimate e : configs) {
      chips.putIfAbsent(e.chip().name(), e.chip());
    }
    for (Chip c : chips.values()) {
      XYSeries s = new XYSeries(c.name() + " roofline");
      for (double x = 0.1; x <= 1e5; x *= 1.25) {
        s.add(x, Math.min(c.flops(), c.hbmBytesPerSecond() * x));
      }
      data.addSeries(s);
    }
    int lines = data.getSeriesCount();
    for (int i = 0; i < configs.size(); i++) {
      Roofline.Estimate e = configs.get(i);
      String label = (i == configs.size() - 1 ? "this estimate: " : "") + e.workload().chips() + " x " + e.chip().name();
      XYSeries s = new XYSeries(label + " (prefill, decode)", false);
      int tp = e.workload().tp();
      for (Roofline.Phase p : new Roofline.Phase[] {e.prefill(), e.decode()}) {
        s.add(p.intensity(tp), p.flops() / tp / p.seconds());
      }
      data.addSeries(s);
    }
    JFreeChart chart = ChartFactory.createXYLineChart(null, "arithmetic intensity (FLOP per HBM byte)", "FLOP/s per chip",
        data, PlotOrientation.VERTICAL, true, false, false);
    XYPlot plot = chart.getXYPlot();
    plot.setDomainAxis(new LogAxis("arithmetic intensity (FLOP per HBM byte)"));
    plot.setRangeAxis(new LogAxis("FLOP/s per chip"));
    XYLineAndShapeRenderer r = new XYLineAndShapeRenderer();
    for (int i = 0; i < data.getSeriesCount(); i++) {
      boolean line = i < lines;
      r.setSeriesLinesVisible(i, line);
      r.setSeriesShapesVisible(i, !line);
      r.setSeriesStroke(i, new BasicStroke(line ? 2f : 1f));
    }
    plot.setRenderer(r);
    plot.setBackgroundPaint(Color.WHITE);
    chart.setBackgroundPaint(Color.WHITE);
    return chart;
  }

  private static JFreeChart area(Map<String, Double> areaByUnit) {
    DefaultCategoryDataset d = new DefaultCategoryDataset();
    for (Map.Entry<String, Double> e : areaByUnit.entrySet()) {
      d.addValue(e.getValue(), "NAND2 equivalents", e.getKey());
    }
    JFreeChart chart = ChartFactory.createBarChart(null, "unit", "NAND2 equivalents", d, PlotOrientation.HORIZONTAL,
        false, false, false);
    chart.getPlot().setBackgroundPaint(Color.WHITE);
    chart.setBackgroundPaint(Color.WHITE);
    return chart;
  }

  private static JFreeChart batch(Roofline.Estimate user) {
    XYSeriesCollection data = new XYSeriesCollection();
    List<Chip> chips = new ArrayList<>(Chip.presets());
    if (chips.stream().noneMatch(c -> c.name().equals(user.chip().name()))) {
      chips.add(user.chip());
    }
    Workload base = Workload.claimConditions(user.workload().model());
    for (Chip c : chips) {
      XYSeries s = new XYSeries(c.name());
      int max = Roofline.maxBatch(base, c);
      for (int b = 1; b <= Math.max(1, max); b *= 2) {
        s.add(b, Roofline.estimate(base.withBatch(b), c).tokensPerSecond());
      }
      if (max > 1) {
        s.add(max, Roofline.estimate(base.withBatch(max), c).tokensPerSecond());
      }
      data.addSeries(s);
    }
    JFreeChart chart = ChartFactory.createXYLineChart(null, "batch (sequences)", "tokens/s", data, PlotOrientation.VERTICAL,
        true, false, false);
    XYPlot plot = chart.getXYPlot();
    plot.setDomainAxis(new LogAxis("batch (sequences)"));
    plot.setBackgroundPaint(Color.WHITE);
    chart.setBackgroundPaint(Color.WHITE);
    return chart;
  }

  private static String esc(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}

package io.hardformer.cli.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.hardformer.cli.CliRun;
import io.hardformer.cli.ExitCodes;
import io.hardformer.verilator.tools.ExternalTool;
import io.hardformer.verilator.tools.ToolResult;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code explore fma-array}'s page opened in headless Chromium (Debian package {@code chromium}),
 * as {@code ReportRenderTest} does for the estimate: the page's script marks the chart laid out and
 * drawn, the chart's text has the decade ticks, the legend and one label per front point, and a
 * screenshot is far from blank. A missing Chromium is a failure naming the package, never a skip.
 */
@Tag("browser")
class ExploreRenderTest {
  @TempDir Path tmp;

  @Test
  void paretoChartRendersInHeadlessChromium() throws Exception {
    Path dir = tmp.resolve("explore");
    CliRun run =
        CliRun.of(
            "explore",
            "fma-array",
            "--acc",
            "fp32,exact,fixed:13,fixed:13:128",
            "--lanes",
            "1,4,16",
            "--k",
            "256",
            "--out",
            dir.toString());
    assertEquals(ExitCodes.OK, run.code(), run.err());
    Path page = dir.resolve("index.html");
    String html = Files.readString(page);
    assertEquals(1, html.split("<svg", -1).length - 1, "one chart");
    assertTrue(
        !html.contains("http://") || html.indexOf("http://") == html.indexOf("http://www.w3.org"),
        "offline: no external resources");
    List<ExplorePoint> points = new ArrayList<>();
    for (String l : Files.readAllLines(dir.resolve("points.jsonl"))) {
      points.add(ExplorePoint.fromJson(new ObjectMapper().readTree(l)));
    }
    List<Integer> front = ParetoFront.ofPoints(points);
    ExternalTool chromium = ExternalTool.find("Chromium", "chromium", "CHROMIUM", "chromium");
    List<String> common =
        List.of(
            "--headless=new",
            "--no-sandbox",
            "--disable-gpu",
            "--hide-scrollbars",
            "--window-size=1200,1400",
            "--virtual-time-budget=5000");
    List<String> dump = new ArrayList<>(common);
    dump.addAll(List.of("--dump-dom", page.toUri().toString()));
    ToolResult r = chromium.run(dump, tmp, Map.of(), 120);
    Matcher m = Pattern.compile("data-charts-rendered=\"(\\d+)\"").matcher(r.output());
    assertTrue(
        m.find(),
        "the page's script did not run:\n"
            + r.output().substring(0, Math.min(2000, r.output().length())));
    assertEquals("1", m.group(1), "chart laid out and drawn");
    List<String> texts = texts(r.output());
    assertTrue(
        texts.stream().filter(t -> t.matches("1e-\\d+")).count() >= 3,
        "decade ticks of the error axis: " + texts);
    assertTrue(texts.contains("Pareto front (" + front.size() + ")"), "legend: " + texts);
    long priced = points.stream().filter(ExplorePoint::priced).count();
    assertTrue(texts.contains("dominated (" + (priced - front.size()) + ")"), "legend: " + texts);
    for (ExplorePoint p : points) {
      long labels = texts.stream().filter(t -> t.equals(ExploreReport.label(p))).count();
      assertEquals(
          front.contains(p.index()) ? 1 : 0,
          labels,
          "front points, and only they, are labelled: " + ExploreReport.label(p));
    }
    Path png = tmp.resolve("page.png");
    List<String> shot = new ArrayList<>(common);
    shot.addAll(List.of("--screenshot=" + png, page.toUri().toString()));
    chromium.run(shot, tmp, Map.of(), 120);
    BufferedImage img = ImageIO.read(png.toFile());
    long inked = 0;
    for (int y = 0; y < img.getHeight(); y += 2) {
      for (int x = 0; x < img.getWidth(); x += 2) {
        if ((img.getRGB(x, y) & 0xFFFFFF) != 0xFFFFFF) {
          inked++;
        }
      }
    }
    double share = inked / (img.getWidth() / 2.0 * img.getHeight() / 2.0);
    assertTrue(share > 0.02, "screenshot is nearly blank: " + share);
  }

  private static List<String> texts(String dom) {
    int start = dom.indexOf("<figure id=\"pareto\"");
    assertTrue(start >= 0, "figure pareto");
    String svg = dom.substring(start, dom.indexOf("</figure>", start));
    List<String> out = new ArrayList<>();
    Matcher m = Pattern.compile("<text[^>]*>([^<]*)</text>").matcher(svg);
    while (m.find()) {
      out.add(m.group(1).replace("&amp;", "&").strip());
    }
    return out;
  }
}

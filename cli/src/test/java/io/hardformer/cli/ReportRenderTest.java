package io.hardformer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hardformer.verilator.tools.ExternalTool;
import io.hardformer.verilator.tools.ToolResult;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code estimate --report} opened in headless Chromium (Debian package {@code chromium}): the
 * page's own script marks every chart that was laid out with a non-zero size and drawn shapes, and
 * a screenshot of the page is far from blank. A missing Chromium is a failure naming the package,
 * never a skip.
 */
@Tag("browser")
class ReportRenderTest {
  @TempDir Path tmp;

  @Test
  void chartsRenderInHeadlessChromium() throws Exception {
    Path dir = tmp.resolve("report");
    assertEquals(0, HardformerCommand.execute("estimate", "--report", dir.toString()));
    Path page = dir.resolve("index.html");
    String html = Files.readString(page);
    assertEquals(3, count(html, "<svg"), "three charts");
    assertTrue(
        !html.contains("http://") || html.indexOf("http://") == html.indexOf("http://www.w3.org"),
        "offline: no external resources");
    ExternalTool chromium = ExternalTool.find("Chromium", "chromium", "CHROMIUM", "chromium");
    List<String> common =
        List.of(
            "--headless=new",
            "--no-sandbox",
            "--disable-gpu",
            "--hide-scrollbars",
            "--window-size=1000,2000",
            "--virtual-time-budget=5000");
    List<String> dump = new java.util.ArrayList<>(common);
    dump.addAll(List.of("--dump-dom", page.toUri().toString()));
    ToolResult r = chromium.run(dump, tmp, Map.of(), 120);
    Matcher m = Pattern.compile("data-charts-rendered=\"(\\d+)\"").matcher(r.output());
    assertTrue(
        m.find(),
        "the page's script did not run:\n"
            + r.output().substring(0, Math.min(2000, r.output().length())));
    assertEquals(
        "3", m.group(1), "charts laid out and drawn: " + attribute(r.output(), "data-chart-sizes"));
    chartsReadLikeADesignReview(r.output());
    Path png = tmp.resolve("page.png");
    List<String> shot = new java.util.ArrayList<>(common);
    shot.addAll(List.of("--screenshot=" + png, page.toUri().toString()));
    chromium.run(shot, tmp, Map.of(), 120);
    BufferedImage img = ImageIO.read(png.toFile());
    long inked = 0;
    for (int y = 0; y < img.getHeight(); y += 2) {
      for (int x = 0; x < img.getWidth(); x += 2) {
        int rgb = img.getRGB(x, y) & 0xFFFFFF;
        if (rgb != 0xFFFFFF) {
          inked++;
        }
      }
    }
    double share = inked / (img.getWidth() / 2.0 * img.getHeight() / 2.0);
    assertTrue(share > 0.02, "screenshot is nearly blank: " + share);
  }

  /**
   * Tick labels at decades in plain SI text, each configuration and roof once in the legend, areas
   * labelled.
   */
  private static void chartsReadLikeADesignReview(String dom) {
    List<String> roofline = texts(figure(dom, "roofline"));
    List<String> ticks = roofline.stream().filter(t -> t.matches("[0-9.,]+[kMGTPE]?")).toList();
    assertTrue(ticks.size() >= 8, "roofline tick labels: " + roofline);
    for (String t : ticks) {
      assertTrue(
          t.matches("(1|10|100)[kMGTPE]?"),
          "a roofline tick off the decades: '" + t + "' in " + ticks);
    }
    assertTrue(
        ticks.containsAll(List.of("1P", "10k")), "decades of FLOP/s and intensity: " + ticks);
    for (String chip : new String[] {"h100-sxm", "h200", "sohu-claim"}) {
      assertEquals(
          1,
          roofline.stream().filter(t -> t.startsWith(chip + " roof:")).count(),
          chip + " roof in " + roofline);
      assertEquals(
          1,
          roofline.stream().filter(t -> t.endsWith("x " + chip + ": prefill, decode")).count(),
          chip + " points in " + roofline);
    }
    assertEquals(
        1,
        roofline.stream().filter(t -> t.startsWith("this estimate: 8 x h100-sxm")).count(),
        roofline.toString());
    List<String> area = texts(figure(dom, "area"));
    // the default tile's six units: fma-array, attention, vector, rmsnorm, swiglu, rope
    assertEquals(
        6,
        area.stream().filter(t -> t.matches("[0-9.]+ mm² \\([0-9.]+[kM]? NAND2 eq\\)")).count(),
        "each unit's bar labelled with mm² and NAND2: " + area);
    List<String> batch = texts(figure(dom, "batch"));
    assertTrue(batch.containsAll(List.of("1", "10", "100", "1k")), "batch decades: " + batch);
    assertEquals(
        3,
        batch.stream().filter(t -> t.endsWith("(8 chips, tp 8)")).count(),
        "one line per chip: " + batch);
  }

  private static String figure(String dom, String id) {
    int start = dom.indexOf("<figure id=\"" + id + "\"");
    assertTrue(start >= 0, "figure " + id);
    return dom.substring(start, dom.indexOf("</figure>", start));
  }

  private static List<String> texts(String svg) {
    List<String> out = new java.util.ArrayList<>();
    Matcher m = Pattern.compile("<text[^>]*>([^<]*)</text>").matcher(svg);
    while (m.find()) {
      out.add(m.group(1).replace("&amp;", "&").strip());
    }
    return out;
  }

  private static int count(String s, String what) {
    int n = 0;
    for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) {
      n++;
    }
    return n;
  }

  private static String attribute(String html, String name) {
    Matcher m = Pattern.compile(name + "=\"([^\"]*)\"").matcher(html);
    return m.find() ? m.group(1) : "(none)";
  }
}

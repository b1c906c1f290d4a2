package io.hardformer.verilator;

import io.hardformer.rtl.EmittedDesign;
import io.hardformer.verilator.tools.ToolResult;
import io.hardformer.verilator.tools.Yosys;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Synthesizes an emitted design with Yosys ({@code synth -flatten}, then {@code dfflibmap} and
 * {@code abc} against the project's NAND2-normalized liberty file) and reads the area and cell
 * counts. Debian's Yosys ships no liberty file with areas, hence our own.
 */
public final class AreaSynthesis {
  private static final Pattern CELL = Pattern.compile("^\\s+(\\w+)\\s+(\\d+)\\s*$");
  private static final Pattern AREA =
      Pattern.compile("Chip area for (?:top )?module '\\\\?([^']+)':\\s*([0-9.]+)");

  private AreaSynthesis() {}

  /**
   * Synthesizes {@code design}, or returns the cached statistics of an identical earlier run (the
   * key hashes the Yosys version, the script, the liberty file and every Verilog file; results live
   * in {@code <model cache>/synth/}). Yosys is deterministic, so a hit is exactly what a run would
   * print.
   */
  public static SynthesizedArea synthesize(EmittedDesign design) {
    Yosys yosys = new Yosys();
    String script = script(design);
    byte[] liberty = liberty();
    List<byte[]> key =
        List.of(
            ToolOutputCache.utf8(yosys.tool().run(List.of("-V"), null, Map.of(), 60).output()),
            ToolOutputCache.utf8(script),
            liberty);
    return ToolOutputCache.get(
        "synth",
        key,
        design.verilog(),
        () -> run(yosys, design, script, liberty),
        stat -> parse(design.top(), stat));
  }

  private static String script(EmittedDesign design) {
    return "read_verilog "
        + String.join(" ", design.verilog().keySet())
        + "; synth -flatten -top "
        + design.top()
        + "; dfflibmap -liberty hardformer_nand2.lib; abc -liberty hardformer_nand2.lib; "
        + "opt_clean; tee -o stat.txt stat -liberty hardformer_nand2.lib";
  }

  private static byte[] liberty() {
    try (InputStream in = AreaSynthesis.class.getResourceAsStream("area/hardformer_nand2.lib")) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String run(Yosys yosys, EmittedDesign design, String script, byte[] liberty) {
    Path dir = null;
    try {
      dir = Files.createTempDirectory("hardformer-area-");
      design.writeTo(dir);
      Files.write(dir.resolve("hardformer_nand2.lib"), liberty);
      ToolResult r = yosys.script(dir, script, 1800);
      return Files.readString(dir.resolve("stat.txt")) + "\n" + r.output();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      FileTrees.deleteQuietly(dir);
    }
  }

  static SynthesizedArea parse(String top, String stat) {
    Map<String, Long> cells = new TreeMap<>();
    double area = -1;
    boolean inCells = false;
    for (String line : stat.lines().toList()) {
      if (line.contains("Number of cells:")) {
        inCells = true;
        continue;
      }
      Matcher a = AREA.matcher(line);
      if (a.find()) {
        area = Double.parseDouble(a.group(2));
        inCells = false;
        continue;
      }
      Matcher c = CELL.matcher(line);
      if (inCells && c.find()) {
        cells.merge(c.group(1), Long.parseLong(c.group(2)), Long::sum);
      } else if (inCells && line.isBlank()) {
        inCells = false;
      }
    }
    if (area < 0) {
      throw new IllegalStateException(
          "no 'Chip area' in Yosys statistics of " + top + ":\n" + stat);
    }
    return new SynthesizedArea(top, area, cells.getOrDefault("DFF", 0L), cells);
  }
}

package io.hardformer.cli.tile;

import io.hardformer.verilator.timing.TimingAnalysis;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The timing results shipped with the tool ({@value #RESOURCE}, beside the embedded default tile):
 * each unit of the default tile timed by {@code ./hardformer timing} on the machine that made the
 * table, keyed by {@link TimingAnalysis#contentKey} (the unit's emitted Verilog and the flow's
 * scripts, no tool versions), so the main job on a machine whose timing cache is empty (or that has
 * no Yosys yet) still takes its clock from timing. An entry stands only for the exact Verilog it
 * was measured on: a unit whose emission changes gets a new key and no entry ({@code
 * TileTimingTableTest} fails and names {@link #REGENERATE}).
 *
 * <p>A tab-separated text: comment lines start with {@code #}; a line {@code fo4Ps <ps>} gives FO4
 * as the same flow measured it on the same machine ({@code Fo4}), for a machine that cannot measure
 * it; each other row is {@code key, unit, design, criticalPathNs, startPoint, endPoint, areaUm2,
 * synthesis}.
 */
public record MeasuredTimingTable(Map<String, Entry> entries, List<String> comments, double fo4Ps) {
  /** The resource next to {@code default-tile.yaml}. */
  public static final String RESOURCE = "default-tile-timing.tsv";

  /** Where the table lives in the sources. */
  public static final String SOURCE_PATH =
      "cli/src/main/resources/io/hardformer/cli/tile/" + RESOURCE;

  /** The line that gives FO4 in ps. */
  static final String FO4_PS = "fo4Ps";

  /** The command that times every unit of the default tile and rewrites the table. */
  public static final String REGENERATE = "bench/tile-timing-table";

  /** One measured unit. */
  public record Entry(
      String key,
      String unit,
      String design,
      double criticalPathNs,
      String startPoint,
      String endPoint,
      double areaUm2,
      String synthesis) {}

  public MeasuredTimingTable {
    entries = Map.copyOf(entries);
    comments = List.copyOf(comments);
  }

  /** The table shipped in the jar (empty when the resource is missing). */
  public static MeasuredTimingTable shipped() {
    try (InputStream in = MeasuredTimingTable.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        return new MeasuredTimingTable(Map.of(), List.of(), Double.NaN);
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the resource " + RESOURCE, e);
    }
  }

  /** Parses the table's text; a malformed row is an {@link IllegalStateException} naming it. */
  public static MeasuredTimingTable parse(String text) {
    Map<String, Entry> entries = new LinkedHashMap<>();
    List<String> comments = new ArrayList<>();
    double fo4Ps = Double.NaN;
    int n = 0;
    for (String line : text.lines().toList()) {
      n++;
      if (line.isBlank()) {
        continue;
      }
      if (line.startsWith("#")) {
        comments.add(line);
        continue;
      }
      String[] f = line.split("\t", -1);
      if (f.length == 2 && f[0].equals(FO4_PS)) {
        try {
          fo4Ps = Double.parseDouble(f[1]);
        } catch (NumberFormatException e) {
          throw new IllegalStateException(RESOURCE + " line " + n + ": " + e.getMessage(), e);
        }
        continue;
      }
      if (f.length != 8) {
        throw new IllegalStateException(
            RESOURCE + " line " + n + ": 8 tab-separated fields expected, got " + f.length);
      }
      try {
        entries.put(
            f[0],
            new Entry(
                f[0],
                f[1],
                f[2],
                Double.parseDouble(f[3]),
                f[4],
                f[5],
                Double.parseDouble(f[6]),
                f[7]));
      } catch (NumberFormatException e) {
        throw new IllegalStateException(RESOURCE + " line " + n + ": " + e.getMessage(), e);
      }
    }
    if (!entries.isEmpty() && !(fo4Ps > 0)) {
      throw new IllegalStateException(RESOURCE + ": no '" + FO4_PS + "' line");
    }
    return new MeasuredTimingTable(entries, comments, fo4Ps);
  }

  /** The entry measured on the Verilog and flow of {@code key}, if any. */
  public Optional<Entry> lookup(String key) {
    return Optional.ofNullable(entries.get(key));
  }

  /** The table as text: {@code comments}, FO4 in ps, the column header, then one row per entry. */
  public static String format(List<String> comments, double fo4Ps, List<Entry> rows) {
    StringBuilder b = new StringBuilder();
    comments.forEach(c -> b.append(c.startsWith("#") ? c : "# " + c).append('\n'));
    b.append(FO4_PS).append('\t').append(String.format(Locale.ROOT, "%.1f", fo4Ps)).append('\n');
    b.append("# key\tunit\tdesign\tcriticalPathNs\tstartPoint\tendPoint\tareaUm2\tsynthesis\n");
    for (Entry e : rows) {
      b.append(e.key())
          .append('\t')
          .append(e.unit())
          .append('\t')
          .append(e.design())
          .append('\t')
          .append(String.format(Locale.ROOT, "%.4f", e.criticalPathNs()))
          .append('\t')
          .append(e.startPoint())
          .append('\t')
          .append(e.endPoint())
          .append('\t')
          .append(String.format(Locale.ROOT, "%.1f", e.areaUm2()))
          .append('\t')
          .append(e.synthesis())
          .append('\n');
    }
    return b.toString();
  }
}

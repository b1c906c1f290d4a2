package io.hardformer.area;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Synthesized areas of the repeated units (FMA cells, column output units), one Yosys run each
 * against {@code hardformer_nand2.lib}, kept as a table in {@code unit-areas.tsv} next to this
 * class so that estimates need no Yosys. Rows: {@code unit key <TAB> NAND2 equivalents <TAB>
 * flip-flops}. Regenerate with {@code ./hardformer area --calibrate}; a test checks every row
 * against a fresh synthesis.
 */
public final class UnitAreaTable {
  public static final String RESOURCE = "unit-areas.tsv";
  private static final Pattern SUM_BITS = Pattern.compile("\\bsum_bits=(\\d+)");

  /** One unit's synthesized cost. */
  public record UnitArea(double nand2, long flipFlops) {}

  private static volatile UnitAreaTable bundled;
  private final Map<String, UnitArea> units;

  public UnitAreaTable(Map<String, UnitArea> units) {
    this.units = Collections.unmodifiableMap(new LinkedHashMap<>(units));
  }

  /** The table shipped in the jar. */
  public static UnitAreaTable bundled() {
    if (bundled == null) {
      try (InputStream in = UnitAreaTable.class.getResourceAsStream(RESOURCE)) {
        bundled = in == null ? new UnitAreaTable(Map.of()) : parse(in);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return bundled;
  }

  static UnitAreaTable parse(InputStream in) throws IOException {
    Map<String, UnitArea> m = new LinkedHashMap<>();
    BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    for (String line; (line = r.readLine()) != null; ) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] f = line.split("\t", -1);
      m.put(f[0], new UnitArea(Double.parseDouble(f[1]), Long.parseLong(f[2])));
    }
    return new UnitAreaTable(m);
  }

  public Map<String, UnitArea> units() {
    return units;
  }

  /** The unit's cost, or an error naming the command that adds it. */
  public UnitArea get(String key) {
    UnitArea a = units.get(key);
    if (a == null) {
      throw new IllegalArgumentException(
          "no synthesized area for '"
              + key
              + "' in the unit table; run "
              + "./hardformer area --calibrate to synthesize it");
    }
    return a;
  }

  /**
   * The unit's cost: its own row when synthesized, else derived from the synthesized rows of the
   * same unit that differ only in {@code sum_bits}: linear interpolation between the nearest row
   * below and the nearest above (NAND2 equivalents and flip-flops, rounded), or, beyond the
   * synthesized range, proportional to {@code sum_bits} from the nearest row. The bundled table
   * holds the smallest, default and largest accumulator widths, so every documented {@code --max-k}
   * is an interpolation between syntheses.
   *
   * @throws IllegalArgumentException naming the unit when neither it nor a width variant is in the
   *     table
   */
  public UnitArea derived(String key) {
    UnitArea exact = units.get(key);
    if (exact != null) {
      return exact;
    }
    Matcher m = SUM_BITS.matcher(key);
    if (!m.find()) {
      return get(key);
    }
    int bits = Integer.parseInt(m.group(1));
    Map.Entry<Integer, UnitArea> below = null;
    Map.Entry<Integer, UnitArea> above = null;
    for (Map.Entry<String, UnitArea> e : units.entrySet()) {
      Matcher o = SUM_BITS.matcher(e.getKey());
      if (!o.find()
          || !(key.substring(0, m.start()) + key.substring(m.end()))
              .equals(e.getKey().substring(0, o.start()) + e.getKey().substring(o.end()))) {
        continue;
      }
      int b = Integer.parseInt(o.group(1));
      if (b < bits && (below == null || b > below.getKey())) {
        below = Map.entry(b, e.getValue());
      } else if (b > bits && (above == null || b < above.getKey())) {
        above = Map.entry(b, e.getValue());
      }
    }
    if (below != null && above != null) {
      double t = (double) (bits - below.getKey()) / (above.getKey() - below.getKey());
      return new UnitArea(
          below.getValue().nand2() + t * (above.getValue().nand2() - below.getValue().nand2()),
          Math.round(
              below.getValue().flipFlops()
                  + t * (above.getValue().flipFlops() - below.getValue().flipFlops())));
    }
    Map.Entry<Integer, UnitArea> near = below != null ? below : above;
    if (near == null) {
      return get(key);
    }
    double scale = (double) bits / near.getKey();
    return new UnitArea(
        near.getValue().nand2() * scale, Math.round(near.getValue().flipFlops() * scale));
  }

  public boolean has(String key) {
    return units.containsKey(key);
  }

  /** The table as {@code unit-areas.tsv} text. */
  public String format(String header) {
    StringBuilder sb = new StringBuilder(header);
    for (Map.Entry<String, UnitArea> e : units.entrySet()) {
      sb.append(e.getKey())
          .append('\t')
          .append(String.format(java.util.Locale.ROOT, "%.2f", e.getValue().nand2()))
          .append('\t')
          .append(e.getValue().flipFlops())
          .append('\n');
    }
    return sb.toString();
  }
}

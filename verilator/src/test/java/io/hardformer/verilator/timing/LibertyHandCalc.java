package io.hardformer.verilator.timing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A hand calculation of a path's delay from the liberty's own NLDM tables, independent of OpenSTA:
 * each cell's delay and output slew are looked up in its {@code cell_rise}/{@code cell_fall} and
 * {@code rise_transition}/{@code fall_transition} tables at (load capacitance, input slew),
 * interpolated (and, off the table, extrapolated) linearly in each index, the way NLDM tables are
 * defined. The output slew feeds the next cell; a port starts with slew 0 and an output port is no
 * load. Rising and falling edges are carried separately and combined by the arc's {@code
 * timing_sense}.
 */
final class LibertyHandCalc {
  private final String lib;

  LibertyHandCalc() {
    try {
      lib = Files.readString(Osu018.liberty());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The arrival times and slews of the rising and falling edges at one pin (ns). */
  record Edges(double riseAt, double riseSlew, double fallAt, double fallSlew) {
    static final Edges INPUT = new Edges(0, 0, 0, 0);

    double worst() {
      return Math.max(riseAt, fallAt);
    }
  }

  /** The capacitance of input {@code pin} of {@code cell} for a rising or falling edge (pF). */
  double pinCap(String cell, String pin, boolean rise) {
    String p = block(block(lib, "cell (" + cell + ")"), "pin(" + pin + ")");
    Matcher m = Pattern.compile((rise ? "rise" : "fall") + "_capacitance : ([0-9.]+);").matcher(p);
    if (!m.find()) {
      throw new IllegalStateException("no capacitance for " + cell + "/" + pin);
    }
    return Double.parseDouble(m.group(1));
  }

  /**
   * The edges at output {@code out} of {@code cell} when input {@code in} has edges {@code at} and
   * the output drives {@code riseLoad}/{@code fallLoad} pF.
   */
  Edges through(String cell, String in, String out, Edges at, double riseLoad, double fallLoad) {
    String timing = arc(cell, in, out);
    String sense = field(timing, "timing_sense");
    double riseAt = Double.NEGATIVE_INFINITY;
    double riseSlew = 0;
    double fallAt = Double.NEGATIVE_INFINITY;
    double fallSlew = 0;
    // an output rise comes from an input rise (positive unate), fall (negative) or either
    // (non-unate)
    for (boolean inRise : new boolean[] {true, false}) {
      double inAt = inRise ? at.riseAt() : at.fallAt();
      double inSlew = inRise ? at.riseSlew() : at.fallSlew();
      boolean makesRise = sense.equals("non_unate") || sense.equals("positive_unate") == inRise;
      boolean makesFall = sense.equals("non_unate") || sense.equals("positive_unate") != inRise;
      if (makesRise) {
        double t = inAt + lookup(block(timing, "cell_rise("), riseLoad, inSlew);
        if (t > riseAt) {
          riseAt = t;
          riseSlew = lookup(block(timing, "rise_transition("), riseLoad, inSlew);
        }
      }
      if (makesFall) {
        double t = inAt + lookup(block(timing, "cell_fall("), fallLoad, inSlew);
        if (t > fallAt) {
          fallAt = t;
          fallSlew = lookup(block(timing, "fall_transition("), fallLoad, inSlew);
        }
      }
    }
    return new Edges(riseAt, riseSlew, fallAt, fallSlew);
  }

  private String arc(String cell, String in, String out) {
    String pin = block(block(lib, "cell (" + cell + ")"), "pin(" + out + ")");
    int from = 0;
    while (true) {
      int t = pin.indexOf("timing()", from);
      if (t < 0) {
        throw new IllegalStateException("no timing arc " + cell + " " + in + " -> " + out);
      }
      String timing = block(pin.substring(t), "timing()");
      if (field(timing, "related_pin").equals("\"" + in + "\"")) {
        return timing;
      }
      from = t + 1;
    }
  }

  /**
   * Bilinear interpolation (linear extrapolation off the table) in (index_1 = load, index_2 =
   * slew).
   */
  static double lookup(String table, double load, double slew) {
    double[] i1 = numbers(quoted(table, "index_1"));
    double[] i2 = numbers(quoted(table, "index_2"));
    String vals = table.substring(table.indexOf("values"));
    double[] v = numbers(vals.substring(vals.indexOf('(') + 1, vals.lastIndexOf(')')));
    int a = segment(i1, load);
    int b = segment(i2, slew);
    double x = (load - i1[a]) / (i1[a + 1] - i1[a]);
    double y = (slew - i2[b]) / (i2[b + 1] - i2[b]);
    int n = i2.length;
    double v00 = v[a * n + b];
    double v01 = v[a * n + b + 1];
    double v10 = v[(a + 1) * n + b];
    double v11 = v[(a + 1) * n + b + 1];
    return (1 - x) * (1 - y) * v00 + (1 - x) * y * v01 + x * (1 - y) * v10 + x * y * v11;
  }

  private static int segment(double[] axis, double value) {
    int i = 0;
    while (i < axis.length - 2 && value > axis[i + 1]) {
      i++;
    }
    return i;
  }

  private static String quoted(String table, String name) {
    int i = table.indexOf(name);
    return table.substring(
        table.indexOf('"', i) + 1, table.indexOf('"', table.indexOf('"', i) + 1));
  }

  private static double[] numbers(String s) {
    return Arrays.stream(s.replace("\\", " ").replace("\"", " ").split("[,\\s]+"))
        .filter(t -> !t.isEmpty())
        .mapToDouble(Double::parseDouble)
        .toArray();
  }

  private static String field(String block, String name) {
    Matcher m = Pattern.compile(name + "\\s*:\\s*([^;]+);").matcher(block);
    if (!m.find()) {
      throw new IllegalStateException("no " + name);
    }
    return m.group(1).trim();
  }

  /**
   * The text of the brace block that follows the first occurrence of {@code header} in {@code
   * text}.
   */
  private static String block(String text, String header) {
    int h = text.indexOf(header);
    if (h < 0) {
      throw new IllegalStateException("no '" + header + "' in the liberty");
    }
    int open = text.indexOf('{', h);
    int depth = 0;
    for (int i = open; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '{') {
        depth++;
      } else if (c == '}' && --depth == 0) {
        return text.substring(h, i + 1);
      }
    }
    throw new IllegalStateException("unbalanced braces after '" + header + "'");
  }
}

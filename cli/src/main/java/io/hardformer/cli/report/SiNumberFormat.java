package io.hardformer.cli.report;

import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.Locale;

/**
 * Axis labels with SI prefixes (1, 10, 100, 1k, ..., 1P): decades read at a glance, no exponents.
 */
final class SiNumberFormat extends NumberFormat {
  private static final String[] PREFIXES = {"", "k", "M", "G", "T", "P", "E"};

  static String format1(double v) {
    if (v == 0) {
      return "0";
    }
    int group = (int) Math.floor(Math.log10(Math.abs(v)) / 3 + 1e-9);
    group = Math.max(0, Math.min(PREFIXES.length - 1, group));
    double scaled = v / Math.pow(1000, group);
    String digits =
        Math.abs(scaled - Math.rint(scaled)) < 1e-6 * Math.max(1, Math.abs(scaled))
            ? String.format(Locale.ROOT, "%d", Math.round(scaled))
            : String.format(Locale.ROOT, "%.3g", scaled).replaceAll("\\.?0+$", "");
    return digits + PREFIXES[group];
  }

  @Override
  public StringBuffer format(double number, StringBuffer toAppendTo, FieldPosition pos) {
    return toAppendTo.append(format1(number));
  }

  @Override
  public StringBuffer format(long number, StringBuffer toAppendTo, FieldPosition pos) {
    return toAppendTo.append(format1(number));
  }

  @Override
  public Number parse(String source, ParsePosition parsePosition) {
    throw new UnsupportedOperationException("axis labels are not parsed");
  }
}

package io.hardformer.cli.report;

import io.hardformer.throughput.ClaimCheck;
import java.util.Locale;

/**
 * A claim finding's value in the unit a reader expects (PFLOP/s, TB/s, M FMAs, B transistors, %).
 */
public final class FindingFormat {
  private FindingFormat() {}

  public static String of(ClaimCheck.Finding f) {
    double v = f.value();
    switch (f.unit()) {
      case "FLOP/s":
        return String.format(Locale.ROOT, "%.2f PFLOP/s", v / 1e15);
      case "FLOP":
        return String.format(Locale.ROOT, "%.1f GFLOP", v / 1e9);
      case "B/s":
        return String.format(Locale.ROOT, "%.2f TB/s", v / 1e12);
      case "tok/s":
        return String.format(Locale.ROOT, "%,.0f tok/s", v);
      case "FMAs":
        return String.format(Locale.ROOT, "%.2f M FMAs", v / 1e6);
      case "transistors":
        return String.format(Locale.ROOT, "%.1f B transistors", v / 1e9);
      case "x":
        return String.format(Locale.ROOT, "%.2f x", v);
      case "":
        return v < 10
            ? String.format(Locale.ROOT, "%.1f%%", 100 * v)
            : String.format(Locale.ROOT, "%.2f B", v / 1e9);
      default:
        return String.format(Locale.ROOT, "%.4g %s", v, f.unit());
    }
  }
}

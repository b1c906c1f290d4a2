package io.hardformer.cli.tile;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The self-check verdict of one tile unit: its name and design, a status, and one line of detail
 * (what ran, or the first differing output: step, element, expected and got).
 */
public record UnitCheck(String unit, String design, Status status, String detail) {
  /** The {@code status} values of the manifest's {@code selfCheck} sections. */
  public enum Status {
    PASSED("passed"),
    FAILED("failed"),
    SKIPPED("skipped"),
    NO_GOLDEN_MODEL("no-golden-model");

    final String json;

    Status(String json) {
      this.json = json;
    }
  }

  /** "unit" or "unit (design)" when they differ. */
  public String label() {
    return unit.equals(design) ? unit : unit + " (" + design + ")";
  }

  Map<String, Object> toManifest() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("status", status.json);
    m.put("detail", detail);
    return m;
  }
}

package io.hardformer.models.units;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Unit cycles spent by a model run, one entry per unit call: which unit, what for (a label such as
 * {@code "layer3.ffn_up"}), the cycles from the call's first accepted beat to its last output, and
 * the cycles in which the unit did useful work (for the fma-array: beats carrying a real row of W
 * and at least one real row of X). In {@code rtl} mode cycles are measured in simulation; in {@code
 * golden} mode they come from each unit's cycle contract (its manifest's formulas).
 */
public final class CycleLedger {
  /** One unit call. */
  public record Entry(String unit, String what, long cycles, long busyCycles) {}

  private final List<Entry> entries = new ArrayList<>();

  public synchronized void add(String unit, String what, long cycles, long busyCycles) {
    entries.add(new Entry(unit, what, cycles, busyCycles));
  }

  public synchronized List<Entry> entries() {
    return Collections.unmodifiableList(new ArrayList<>(entries));
  }
}

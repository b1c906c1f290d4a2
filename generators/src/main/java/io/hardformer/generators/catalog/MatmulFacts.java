package io.hardformer.generators.catalog;

import java.util.Locale;

/**
 * A unit's matmul throughput facts: its FMAs doing matmul work, the fill/drain overhead per matmul
 * ({@code K + overhead} cycles each) and the FMA utilization of one matmul at K = 4096.
 */
public record MatmulFacts(long fmas, int overhead, long cyclesAtK4096, double utilizationAtK4096) {
  /** The cycle contract as the tile summary prints it. */
  public String cycles() {
    // a dot-cell array takes ceil(K / L) beats: at K = 4096 that is 4096 / L
    long beats = cyclesAtK4096 - overhead;
    String depth = beats >= 4096 || beats <= 0 ? "K" : "ceil(K/" + 4096 / beats + ")";
    return String.format(
        Locale.ROOT, "%s + %d per matmul (%,d at K = 4096)", depth, overhead, cyclesAtK4096);
  }
}

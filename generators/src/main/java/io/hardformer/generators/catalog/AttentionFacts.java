package io.hardformer.generators.catalog;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * An attention engine's step contract for the throughput estimate: G query heads of dimension D
 * against S keys/values in {@code S + stepFinishCycles} cycles, back to back.
 */
public record AttentionFacts(int qHeads, int headDim, long stepFinishCycles) {
  /** The manifest's {@code attentionEngines} entry. */
  public Map<String, Object> toManifest() {
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("count", 1);
    e.put("qHeads", qHeads);
    e.put("headDim", headDim);
    e.put("stepFinishCycles", stepFinishCycles);
    e.put(
        "contract",
        "one step (G query heads against S keys/values) every S + " + stepFinishCycles + " cycles");
    return e;
  }

  /** The cycle contract as the tile summary prints it. */
  public String cycles() {
    return String.format(
        Locale.ROOT,
        "S + %d per step (%,d at S = 2048)",
        stepFinishCycles,
        2048 + stepFinishCycles);
  }
}

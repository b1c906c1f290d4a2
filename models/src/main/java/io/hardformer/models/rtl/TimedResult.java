package io.hardformer.models.rtl;

/**
 * What one unit call returned in simulation: {@code values[t][c]} (FP32 bits or FP8 codes) and the
 * cycle stamps of its stream run, from the first accepted beat to the last output beat.
 */
public record TimedResult(int[][] values, long firstAccept, long lastOutput) {
  /** Cycles from the first accepted beat to the last output beat, both inclusive. */
  public long cycles() {
    return lastOutput - firstAccept + 1;
  }
}

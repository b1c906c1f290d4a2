package io.hardformer.throughput;

/**
 * Dedicated attention hardware on a chip: {@code count} units, each running one step (G query heads
 * of dimension D sharing one K/V stream, against S cached positions) in {@code S +
 * stepFinishCycles} cycles, back to back, at {@code clockHz} (the attention unit's cycle contract:
 * stepPeriod = S + finish).
 *
 * <p>A token needs, per layer and KV head, ceil((heads / kvHeads) / G) x ceil(headDim / D) steps of
 * its context; a model head wider than D is counted as several steps (an approximation: the unit
 * itself needs D = headDim).
 */
public record AttentionEngine(
    double count, int qHeads, int headDim, int stepFinishCycles, double clockHz) {

  public AttentionEngine {
    if (!(count > 0) || qHeads < 1 || headDim < 1 || stepFinishCycles < 0 || !(clockHz > 0)) {
      throw new IllegalArgumentException(
          "an attention engine needs count, qHeads, headDim and clock > 0, got "
              + count
              + ", "
              + qHeads
              + ", "
              + headDim
              + ", "
              + clockHz);
    }
  }

  /** Steps one token of {@code m} needs over all layers. */
  public double stepsPerToken(ModelShape m) {
    int group = Math.max(1, m.heads() / m.kvHeads());
    return (double) m.layers()
        * m.kvHeads()
        * ceilDiv(group, qHeads)
        * ceilDiv(m.headDim(), headDim);
  }

  /**
   * Tokens per second these units sustain when every token attends to {@code context} positions.
   */
  public double tokensPerSecond(ModelShape m, double context) {
    return count * clockHz / (stepsPerToken(m) * (context + stepFinishCycles));
  }

  /** This engine repeated {@code copies} times. */
  public AttentionEngine times(double copies) {
    return new AttentionEngine(count * copies, qHeads, headDim, stepFinishCycles, clockHz);
  }

  private static long ceilDiv(long a, long b) {
    return (a + b - 1) / b;
  }
}

package io.hardformer.throughput;

/**
 * One unit's cycles per token measured by running a decoder layer of shape {@code measuredOn} at
 * {@code measuredContext} (the context its attention steps saw; ignored by other rules), and how
 * they scale to another model: {@code cycles x work(target) / work(measured)} per layer, times the
 * target's layers.
 */
public record MeasuredUnitCycles(
    String unit,
    UnitScaling scaling,
    double cyclesPerTokenPerLayer,
    ModelShape measuredOn,
    double measuredContext) {

  public MeasuredUnitCycles {
    if (!(cyclesPerTokenPerLayer >= 0) || !(measuredContext > 0)) {
      throw new IllegalArgumentException(
          "measured cycles must be >= 0 and the context > 0, got "
              + cyclesPerTokenPerLayer
              + " and "
              + measuredContext);
    }
  }

  /** Cycles per token over all layers of {@code target} when a token sees {@code context}. */
  public double cyclesPerToken(ModelShape target, double context) {
    double ratio = scaling.work(target, context) / scaling.work(measuredOn, measuredContext);
    return cyclesPerTokenPerLayer * ratio * target.layers();
  }
}

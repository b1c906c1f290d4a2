package io.hardformer.testbench.normalization;

import io.hardformer.generators.normalization.NormalizationLane;
import io.hardformer.generators.normalization.NormalizationShape;
import io.hardformer.generators.normalization.NormalizationUnit;

/** The cycle contract the tests measure, from the design's own formulas. */
final class NormalizationShapes {
  private NormalizationShapes() {}

  /** Accepting an output-pass beat to its output beat. */
  static int outputLatency(NormalizationShape s) {
    return 1 + NormalizationLane.latency(s.centered());
  }

  /** The statistics pass's last beat accepted to the output pass's first, back to back. */
  static int statisticsGap() {
    return 1 + NormalizationUnit.ACCUMULATE_STAGES + NormalizationUnit.statisticsLatency();
  }
}

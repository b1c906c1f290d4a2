package io.hardformer.generators.normalization;

import io.hardformer.dsl.Bundle;
import io.hardformer.dsl.BundleType;
import io.hardformer.dsl.Fields;
import io.hardformer.dsl.UInt;

/**
 * One input beat of a normalization unit: L FP32 lanes of {@code x}, {@code gamma} and (layernorm
 * only) {@code beta}, element e of a beat in bits [32e+31:32e].
 */
public final class NormalizationBeat extends Bundle<NormalizationBeat> {
  public final UInt x;
  public final UInt gamma;

  /** Null for rmsnorm. */
  public final UInt beta;

  private NormalizationBeat(Fields f, int lanes, boolean centered) {
    super(f);
    x = f.uint("x", 32 * lanes);
    gamma = f.uint("gamma", 32 * lanes);
    beta = centered ? f.uint("beta", 32 * lanes) : null;
  }

  public static BundleType<NormalizationBeat> type(int lanes, boolean centered) {
    return BundleType.of(f -> new NormalizationBeat(f, lanes, centered));
  }
}

package io.hardformer.generators.normalization;

import io.hardformer.dsl.Bundle;
import io.hardformer.dsl.BundleType;
import io.hardformer.dsl.Fields;
import io.hardformer.dsl.UInt;

/**
 * One output beat of a normalization unit: L FP32 lanes of {@code y} (bits [32e+31:32e]) and their
 * FP8 codes {@code q} (bits [8e+7:8e]).
 */
public final class NormalizationOutput extends Bundle<NormalizationOutput> {
  public final UInt y;
  public final UInt q;

  private NormalizationOutput(Fields f, int lanes) {
    super(f);
    y = f.uint("y", 32 * lanes);
    q = f.uint("q", 8 * lanes);
  }

  public static BundleType<NormalizationOutput> type(int lanes) {
    return BundleType.of(f -> new NormalizationOutput(f, lanes));
  }
}

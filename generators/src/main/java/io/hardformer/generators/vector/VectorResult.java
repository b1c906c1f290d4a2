package io.hardformer.generators.vector;

import io.hardformer.dsl.Bundle;
import io.hardformer.dsl.BundleType;
import io.hardformer.dsl.Fields;
import io.hardformer.dsl.UInt;

/**
 * One output beat of the vector unit: FP32 {@code y} (lane e in bits [32e+31:32e]) and its FP8
 * codes {@code q} (lane e in bits [8e+7:8e]).
 */
public final class VectorResult extends Bundle<VectorResult> {
  public final UInt y;
  public final UInt q;

  private VectorResult(Fields f, int lanes) {
    super(f);
    y = f.uint("y", 32 * lanes);
    q = f.uint("q", 8 * lanes);
  }

  public static BundleType<VectorResult> type(int lanes) {
    return BundleType.of(f -> new VectorResult(f, lanes));
  }
}

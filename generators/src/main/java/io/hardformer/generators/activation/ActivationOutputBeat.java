package io.hardformer.generators.activation;

import io.hardformer.dsl.Bundle;
import io.hardformer.dsl.BundleType;
import io.hardformer.dsl.Fields;
import io.hardformer.dsl.UInt;

/**
 * One output beat of an activation unit: {@code y}, L FP32 lanes (lane e in bits [32e+31:32e]), and
 * {@code q}, the same lanes as FP8 codes (lane e in bits [8e+7:8e]).
 */
public final class ActivationOutputBeat extends Bundle<ActivationOutputBeat> {
  public final UInt y;
  public final UInt q;

  private ActivationOutputBeat(Fields f, int lanes) {
    super(f);
    y = f.uint("y", 32 * lanes);
    q = f.uint("q", 8 * lanes);
  }

  public static BundleType<ActivationOutputBeat> type(int lanes) {
    return BundleType.of(f -> new ActivationOutputBeat(f, lanes));
  }
}

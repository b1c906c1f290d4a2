package io.hardformer.generators.activation;

import io.hardformer.dsl.Bundle;
import io.hardformer.dsl.BundleType;
import io.hardformer.dsl.Fields;
import io.hardformer.dsl.UInt;

/**
 * One input beat of the {@code gelu} unit: {@code x}, L FP32 lanes (lane e in bits [32e+31:32e]).
 */
public final class GeluInputBeat extends Bundle<GeluInputBeat> {
  public final UInt x;

  private GeluInputBeat(Fields f, int lanes) {
    super(f);
    x = f.uint("x", 32 * lanes);
  }

  public static BundleType<GeluInputBeat> type(int lanes) {
    return BundleType.of(f -> new GeluInputBeat(f, lanes));
  }
}

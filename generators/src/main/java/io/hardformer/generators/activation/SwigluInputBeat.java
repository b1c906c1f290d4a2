package io.hardformer.generators.activation;

import io.hardformer.dsl.Bundle;
import io.hardformer.dsl.BundleType;
import io.hardformer.dsl.Fields;
import io.hardformer.dsl.UInt;

/**
 * One input beat of the {@code swiglu} unit: {@code gate} and {@code up}, L FP32 lanes each (lane e
 * in bits [32e+31:32e]).
 */
public final class SwigluInputBeat extends Bundle<SwigluInputBeat> {
  public final UInt gate;
  public final UInt up;

  private SwigluInputBeat(Fields f, int lanes) {
    super(f);
    gate = f.uint("gate", 32 * lanes);
    up = f.uint("up", 32 * lanes);
  }

  public static BundleType<SwigluInputBeat> type(int lanes) {
    return BundleType.of(f -> new SwigluInputBeat(f, lanes));
  }
}

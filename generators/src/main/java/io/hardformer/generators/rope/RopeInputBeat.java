package io.hardformer.generators.rope;

import io.hardformer.dsl.Bundle;
import io.hardformer.dsl.BundleType;
import io.hardformer.dsl.Fields;
import io.hardformer.dsl.UInt;

/**
 * One input beat of the {@code rope} unit: {@code x}, L FP32 lanes (lane e in bits [32e+31:32e]),
 * and {@code position}, read on a row's first beat only.
 */
public final class RopeInputBeat extends Bundle<RopeInputBeat> {
  public final UInt x;
  public final UInt position;

  private RopeInputBeat(Fields f, int lanes, int positionBits) {
    super(f);
    x = f.uint("x", 32 * lanes);
    position = f.uint("position", positionBits);
  }

  public static BundleType<RopeInputBeat> type(int lanes, int positionBits) {
    return BundleType.of(f -> new RopeInputBeat(f, lanes, positionBits));
  }
}

package io.hardformer.generators.floating;

import io.hardformer.dsl.Bundle;
import io.hardformer.dsl.BundleType;
import io.hardformer.dsl.Fields;
import io.hardformer.dsl.UInt;

/**
 * One word on {@code in}: the input beat of a unit that takes a single value (the FP32 of the
 * quantizer).
 */
public final class InputWord extends Bundle<InputWord> {
  public final UInt in;

  private InputWord(Fields f, int width) {
    super(f);
    in = f.uint("in", width);
  }

  public static BundleType<InputWord> type(int width) {
    return BundleType.of(f -> new InputWord(f, width));
  }
}

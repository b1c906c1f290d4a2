package io.hardformer.generators.floating;

import io.hardformer.dsl.Bundle;
import io.hardformer.dsl.BundleType;
import io.hardformer.dsl.Fields;
import io.hardformer.dsl.UInt;

/**
 * One row of results packed into {@code out} (element j in bits [W(j+1)-1:Wj]): a design's output
 * beat.
 */
public final class OutputRow extends Bundle<OutputRow> {
  public final UInt out;

  private OutputRow(Fields f, int width) {
    super(f);
    out = f.uint("out", width);
  }

  public static BundleType<OutputRow> type(int width) {
    return BundleType.of(f -> new OutputRow(f, width));
  }
}

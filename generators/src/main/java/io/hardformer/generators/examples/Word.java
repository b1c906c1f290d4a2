package io.hardformer.generators.examples;

import io.hardformer.dsl.Bundle;
import io.hardformer.dsl.BundleType;
import io.hardformer.dsl.Fields;
import io.hardformer.dsl.UInt;

/** A payload of one data word: the examples' streams carry {@code <name>_data}. */
public final class Word extends Bundle<Word> {
  public final UInt data;

  private Word(Fields f, int width) {
    super(f);
    data = f.uint("data", width);
  }

  public static BundleType<Word> type(int width) {
    return BundleType.of(f -> new Word(f, width));
  }
}

package io.hardformer.generators.examples;

import io.hardformer.dsl.Bool;
import io.hardformer.dsl.Module;
import io.hardformer.dsl.UInt;

/** A free-running counter with enable: counts up by one in every cycle where {@code en} is high. */
public final class Counter extends Module {
  final Bool en = in("en");
  final UInt count;

  public Counter(int width) {
    param("width", width);
    count = out("count", width);
    UInt value = reg("value", width, 0);
    when(en, () -> value.next(value.inc()));
    count.assign(value);
  }
}

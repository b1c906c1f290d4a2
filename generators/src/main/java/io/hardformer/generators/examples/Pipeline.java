package io.hardformer.generators.examples;

import io.hardformer.dsl.Bool;
import io.hardformer.dsl.HwType;
import io.hardformer.dsl.Module;
import io.hardformer.dsl.StreamPorts;
import io.hardformer.dsl.UInt;
import io.hardformer.dsl.Valid;

/**
 * A valid-qualified pipeline of {@code stages} registers computing {@code out = in + stages} (one
 * increment per stage), so both the latency and the data path are observable.
 */
public final class Pipeline extends Module {
  /** Ports {@code in_valid}, {@code in_data}. */
  public final Valid<Word> in;

  /** Ports {@code out_valid}, {@code out_data}. */
  public final Valid<Word> out;

  public Pipeline(int width, int stages) {
    param("width", width);
    param("stages", stages);
    timing(stages, 1);
    in = inValid("in", Word.type(width), StreamPorts.DEFAULT);
    out = outValid("out", Word.type(width), StreamPorts.DEFAULT);
    Bool v = in.valid();
    UInt d = in.payload().data;
    for (int s = 0; s < stages; s++) {
      Bool vr = reg("valid_" + s, false);
      UInt dr = regNoReset("data_" + s, HwType.uint(width));
      vr.next(v);
      dr.next(d.inc());
      v = vr;
      d = dr;
    }
    out.valid().assign(v);
    out.payload().data.assign(d);
  }
}

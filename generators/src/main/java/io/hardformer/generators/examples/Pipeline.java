package io.hardformer.generators.examples;

import io.hardformer.dsl.Bool;
import io.hardformer.dsl.HwType;
import io.hardformer.dsl.Module;
import io.hardformer.dsl.UInt;

/**
 * A valid-qualified pipeline of {@code stages} registers computing {@code out = in + stages} (one
 * increment per stage), so both the latency and the data path are observable.
 */
public final class Pipeline extends Module {
  final Bool inValid = in("in_valid");
  final UInt inData;
  final Bool outValid = out("out_valid");
  final UInt outData;

  public Pipeline(int width, int stages) {
    param("width", width);
    param("stages", stages);
    timing(stages, 1);
    inData = in("in_data", width);
    outData = out("out_data", width);
    Bool v = inValid;
    UInt d = inData;
    for (int s = 0; s < stages; s++) {
      Bool vr = reg("valid_" + s, false);
      UInt dr = regNoReset("data_" + s, HwType.uint(width));
      vr.next(v);
      dr.next(d.inc());
      v = vr;
      d = dr;
    }
    outValid.assign(v);
    outData.assign(d);
  }
}

package io.hardformer.cli.catalog;

import io.hardformer.dsl.Bool;
import io.hardformer.dsl.Module;
import io.hardformer.dsl.UInt;

/**
 * A test-only design: the registered parity (XOR of all bits) of a word, one word per cycle,
 * latency 1.
 */
final class Parity extends Module {
  final Bool inValid = in("in_valid");
  final UInt in;
  final Bool outValid = out("out_valid");
  final Bool out = out("out");

  Parity(int width) {
    param("width", width);
    timing(1, 1);
    in = in("in", width);
    out.assign(regNext("parity_r", in.xorR()));
    outValid.assign(regNext("valid_r", inValid, false));
  }
}

package io.hardformer.generators.attention;

import io.hardformer.dsl.Bundle;
import io.hardformer.dsl.BundleType;
import io.hardformer.dsl.Fields;
import io.hardformer.dsl.UInt;

/**
 * One beat of the attention unit's input stream: the queries {@code q} (read on a step's first
 * beat; head h, element d in bits [8(hD+d)+7 : 8(hD+d)]) and one key/value pair {@code k}, {@code
 * v} (element d in bits [8d+7:8d]).
 */
public final class KeyValueBeat extends Bundle<KeyValueBeat> {
  public final UInt q;
  public final UInt k;
  public final UInt v;

  private KeyValueBeat(Fields f, int headDim, int qHeads) {
    super(f);
    q = f.uint("q", 8 * qHeads * headDim);
    k = f.uint("k", 8 * headDim);
    v = f.uint("v", 8 * headDim);
  }

  public static BundleType<KeyValueBeat> type(int headDim, int qHeads) {
    return BundleType.of(f -> new KeyValueBeat(f, headDim, qHeads));
  }
}

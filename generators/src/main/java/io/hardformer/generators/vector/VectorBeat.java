package io.hardformer.generators.vector;

import io.hardformer.dsl.Bundle;
import io.hardformer.dsl.BundleType;
import io.hardformer.dsl.Fields;
import io.hardformer.dsl.UInt;

/**
 * One input beat of the vector unit: FP32 {@code a} and {@code b} (lane e in bits [32e+31:32e]),
 * the per-lane exponent {@code scale_exp} (lane e in bits [8e+7:8e], two's complement) and the
 * beat's quantization exponent {@code qexp} (two's complement).
 */
public final class VectorBeat extends Bundle<VectorBeat> {
  public final UInt a;
  public final UInt b;
  public final UInt scaleExp;
  public final UInt qexp;

  private VectorBeat(Fields f, int lanes) {
    super(f);
    a = f.uint("a", 32 * lanes);
    b = f.uint("b", 32 * lanes);
    scaleExp = f.uint("scale_exp", 8 * lanes);
    qexp = f.uint("qexp", 8);
  }

  public static BundleType<VectorBeat> type(int lanes) {
    return BundleType.of(f -> new VectorBeat(f, lanes));
  }
}

package io.hardformer.generators.fp8;

import io.hardformer.dsl.Bundle;
import io.hardformer.dsl.BundleType;
import io.hardformer.dsl.Fields;
import io.hardformer.dsl.UInt;

/**
 * The operand beat of the FP8 multiply and dot units: N FP8 codes on {@code a} and on {@code b},
 * lane i in bits [8i+7:8i].
 */
public final class Fp8Operands extends Bundle<Fp8Operands> {
  public final UInt a;
  public final UInt b;

  private Fp8Operands(Fields f, int lanes) {
    super(f);
    a = f.uint("a", 8 * lanes);
    b = f.uint("b", 8 * lanes);
  }

  public static BundleType<Fp8Operands> type(int lanes) {
    return BundleType.of(f -> new Fp8Operands(f, lanes));
  }
}

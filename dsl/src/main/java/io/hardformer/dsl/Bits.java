package io.hardformer.dsl;

import io.hardformer.dsl.ir.Expr;

/** A raw bit vector: bitwise operators, slicing and concatenation, no arithmetic. */
public final class Bits extends Data<Bits> {
  Bits(Module owner, Expr expr) {
    super(owner, expr);
  }

  @Override
  public HwType<Bits> type() {
    return HwType.bits(width());
  }
}

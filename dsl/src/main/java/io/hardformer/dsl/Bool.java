package io.hardformer.dsl;

import io.hardformer.dsl.ir.Expr;

/**
 * A single bit used as a condition. Logical operators are the bitwise ones inherited from {@link
 * Data}.
 */
public final class Bool extends Data<Bool> {
  Bool(Module owner, Expr expr) {
    super(owner, expr);
  }

  @Override
  public HwType<Bool> type() {
    return HwType.bool();
  }
}

package io.hardformer.dsl.ir;

import java.util.List;

/** Bits {@code hi} down to {@code lo} of the operand, inclusive. */
public record SliceExpr(Expr operand, int hi, int lo, SourceLocation location) implements Expr {
  @Override
  public int width() {
    return hi - lo + 1;
  }

  @Override
  public List<Expr> operands() {
    return List.of(operand);
  }

  @Override
  public <R> R accept(ExprVisitor<R> visitor) {
    return visitor.visitSlice(this);
  }
}

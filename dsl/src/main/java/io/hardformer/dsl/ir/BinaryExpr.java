package io.hardformer.dsl.ir;

import java.util.List;

/** A two-operand operation; {@code signed} selects signed extension, comparison and right shift. */
public record BinaryExpr(
    BinaryOp op, Expr left, Expr right, boolean signed, SourceLocation location) implements Expr {
  @Override
  public int width() {
    return op.resultWidth(left.width(), right.width());
  }

  @Override
  public List<Expr> operands() {
    return List.of(left, right);
  }

  @Override
  public <R> R accept(ExprVisitor<R> visitor) {
    return visitor.visitBinary(this);
  }
}

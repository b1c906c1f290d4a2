package io.hardformer.dsl.ir;

import java.util.List;

public record UnaryExpr(UnaryOp op, Expr operand, SourceLocation location) implements Expr {
  @Override
  public int width() {
    return op.resultWidth(operand.width());
  }

  @Override
  public List<Expr> operands() {
    return List.of(operand);
  }

  @Override
  public <R> R accept(ExprVisitor<R> visitor) {
    return visitor.visitUnary(this);
  }
}

package io.hardformer.dsl.ir;

import java.util.List;

/**
 * Zero- or sign-extension to {@code width} bits (never narrower than the operand: that is a slice).
 */
public record ExtendExpr(Expr operand, int width, boolean signed, SourceLocation location)
    implements Expr {
  @Override
  public List<Expr> operands() {
    return List.of(operand);
  }

  @Override
  public <R> R accept(ExprVisitor<R> visitor) {
    return visitor.visitExtend(this);
  }
}

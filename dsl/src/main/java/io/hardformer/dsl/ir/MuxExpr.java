package io.hardformer.dsl.ir;

import java.util.List;

/**
 * {@code select ? whenTrue : whenFalse}; both arms must have the same width (checked by a rule).
 */
public record MuxExpr(Expr select, Expr whenTrue, Expr whenFalse, SourceLocation location)
    implements Expr {
  @Override
  public int width() {
    return Math.max(whenTrue.width(), whenFalse.width());
  }

  @Override
  public List<Expr> operands() {
    return List.of(select, whenTrue, whenFalse);
  }

  @Override
  public <R> R accept(ExprVisitor<R> visitor) {
    return visitor.visitMux(this);
  }
}

package io.hardformer.dsl.ir;

import java.util.List;

/** A read of a named signal. */
public record SignalRef(Signal signal, SourceLocation location) implements Expr {
  @Override
  public int width() {
    return signal.width();
  }

  @Override
  public List<Expr> operands() {
    return List.of();
  }

  @Override
  public <R> R accept(ExprVisitor<R> visitor) {
    return visitor.visitSignal(this);
  }
}

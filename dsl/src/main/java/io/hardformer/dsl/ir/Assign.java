package io.hardformer.dsl.ir;

/**
 * {@code target := value}. For a register this sets its next value (it holds when not assigned in a
 * cycle); for a wire, output or child input it sets the combinational value.
 */
public record Assign(Signal target, Expr value, SourceLocation location) implements Statement {
  @Override
  public <R> R accept(StatementVisitor<R> visitor) {
    return visitor.visitAssign(this);
  }
}

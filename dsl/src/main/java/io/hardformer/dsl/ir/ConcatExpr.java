package io.hardformer.dsl.ir;

import java.util.List;

/** Concatenation, most significant part first (as Verilog {@code {a, b}}). */
public record ConcatExpr(List<Expr> parts, SourceLocation location) implements Expr {
  public ConcatExpr {
    parts = List.copyOf(parts);
    if (parts.isEmpty()) {
      throw new IllegalArgumentException("concatenation needs at least one part");
    }
  }

  @Override
  public int width() {
    int w = 0;
    for (Expr p : parts) {
      w += p.width();
    }
    return w;
  }

  @Override
  public List<Expr> operands() {
    return parts;
  }

  @Override
  public <R> R accept(ExprVisitor<R> visitor) {
    return visitor.visitConcat(this);
  }
}

package io.hardformer.dsl.ir;

import java.util.List;

/**
 * An immutable hardware expression. Every node knows its result width and where the user built it.
 * Width rules live with the builder methods that create nodes ({@code io.hardformer.dsl.UInt}
 * etc.); checks only compare.
 */
public sealed interface Expr
    permits Literal, SignalRef, UnaryExpr, BinaryExpr, SliceExpr, ConcatExpr, MuxExpr, ExtendExpr {
  int width();

  SourceLocation location();

  /** The direct operands, in order (empty for leaves). */
  List<Expr> operands();

  <R> R accept(ExprVisitor<R> visitor);
}

package io.hardformer.dsl.check;

import io.hardformer.dsl.ir.BinaryExpr;
import io.hardformer.dsl.ir.Expr;
import io.hardformer.dsl.ir.ExtendExpr;
import io.hardformer.dsl.ir.Literal;
import io.hardformer.dsl.ir.MuxExpr;
import io.hardformer.dsl.ir.Signal;
import io.hardformer.dsl.ir.SignalRef;
import io.hardformer.dsl.ir.SliceExpr;
import io.hardformer.dsl.ir.UnaryExpr;

/** Short human names for signals and expressions in diagnostics. */
final class Describe {
  private Describe() {}

  static String signal(Signal s) {
    return s.kind().name().toLowerCase() + " '" + s.name() + "' (" + s.width() + " bits)";
  }

  static String expr(Expr e) {
    if (e instanceof SignalRef) {
      return "'" + ((SignalRef) e).signal().name() + "'";
    }
    if (e instanceof Literal) {
      return "literal " + ((Literal) e).value();
    }
    if (e instanceof BinaryExpr) {
      return "the " + ((BinaryExpr) e).op().name().toLowerCase() + " result";
    }
    if (e instanceof UnaryExpr) {
      return "the " + ((UnaryExpr) e).op().name().toLowerCase() + " result";
    }
    if (e instanceof SliceExpr) {
      return "the slice of " + expr(((SliceExpr) e).operand());
    }
    if (e instanceof MuxExpr) {
      return "the mux result";
    }
    if (e instanceof ExtendExpr) {
      return "the extension of " + expr(((ExtendExpr) e).operand());
    }
    return "the concatenation";
  }
}

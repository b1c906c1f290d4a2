package io.hardformer.dsl.ir;

/** Dispatch over the sealed expression family (pattern switch is preview-only on Java 17). */
public interface ExprVisitor<R> {
  R visitLiteral(Literal e);

  R visitSignal(SignalRef e);

  R visitUnary(UnaryExpr e);

  R visitBinary(BinaryExpr e);

  R visitSlice(SliceExpr e);

  R visitConcat(ConcatExpr e);

  R visitMux(MuxExpr e);

  R visitExtend(ExtendExpr e);
}

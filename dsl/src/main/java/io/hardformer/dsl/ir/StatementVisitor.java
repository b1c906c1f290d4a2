package io.hardformer.dsl.ir;

/**
 * Dispatch over the sealed statement family (pattern switch is preview-only on Java 17), the
 * statement counterpart of {@link ExprVisitor}. Walks that only need to descend into a switch's
 * arms override {@link #visitSwitch} and call {@link Statement#accept} on each nested statement.
 */
public interface StatementVisitor<R> {
  R visitAssign(Assign s);

  R visitSwitch(Switch s);
}

package io.hardformer.dsl;

import io.hardformer.dsl.ir.BinaryExpr;
import io.hardformer.dsl.ir.BinaryOp;
import io.hardformer.dsl.ir.Expr;
import io.hardformer.dsl.ir.Literal;
import io.hardformer.dsl.ir.MuxExpr;
import io.hardformer.dsl.ir.SourceLocation;
import java.math.BigInteger;
import java.util.AbstractList;
import java.util.List;

/**
 * A fixed-size, indexable group of values of one type: a Java list at elaboration time, plus {@link
 * #select} for hardware indexing by a signal.
 */
public final class Vec<T extends Data<T>> extends AbstractList<T> {
  private final List<T> items;

  Vec(List<T> items) {
    this.items = List.copyOf(items);
  }

  /** A vector of already-built values. */
  public static <T extends Data<T>> Vec<T> of(List<T> items) {
    return new Vec<>(items);
  }

  @Override
  public T get(int index) {
    return items.get(index);
  }

  @Override
  public int size() {
    return items.size();
  }

  /**
   * Hardware indexing: the element at {@code index}; an index past the end yields the last element.
   * Lowers to a priority mux over the elements.
   */
  public T select(UInt index) {
    SourceLocation loc = Locations.capture();
    T last = items.get(items.size() - 1);
    Expr result = last.expr;
    for (int i = items.size() - 2; i >= 0; i--) {
      Expr key = new Literal(BigInteger.valueOf(i), index.width(), false, loc);
      Expr hit = new BinaryExpr(BinaryOp.EQ, index.expr, key, false, loc);
      result = new MuxExpr(hit, items.get(i).expr, result, loc);
    }
    return last.type().wrap(last.owner, result);
  }
}

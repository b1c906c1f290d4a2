package io.hardformer.dsl;

import io.hardformer.dsl.ir.Statement;
import java.util.ArrayList;
import java.util.List;

/** A mutable list of statements and open {@code when} chains, frozen into IR statements. */
final class StatementBlock {
  private final List<Object> items = new ArrayList<>();

  void add(Statement s) {
    items.add(s);
  }

  void add(When w) {
    items.add(w);
  }

  /**
   * Adds {@code s} before the last item, the {@code when} chain still being built, so the chain
   * stays open for its {@code elseWhen}/{@code otherwise}.
   */
  void addBeforeLast(Statement s) {
    items.add(items.size() - 1, s);
  }

  Object last() {
    return items.isEmpty() ? null : items.get(items.size() - 1);
  }

  List<Statement> freeze() {
    List<Statement> out = new ArrayList<>(items.size());
    for (Object o : items) {
      out.add(o instanceof When ? ((When) o).freeze() : (Statement) o);
    }
    return out;
  }
}

package io.hardformer.dsl.ir;

/**
 * A statement of a module body. The body is a list executed top to bottom with last-assignment-wins
 * semantics; {@code when/elseWhen/otherwise} lowers to one {@link Switch}.
 */
public sealed interface Statement permits Assign, Switch {
  SourceLocation location();

  <R> R accept(StatementVisitor<R> visitor);
}

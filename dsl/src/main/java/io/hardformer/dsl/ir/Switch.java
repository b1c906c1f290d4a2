package io.hardformer.dsl.ir;

import java.util.List;

/** A priority switch: the first branch whose condition holds runs, else {@code otherwise}. */
public record Switch(List<Branch> branches, List<Statement> otherwise, SourceLocation location)
    implements Statement {
  public Switch {
    branches = List.copyOf(branches);
    otherwise = List.copyOf(otherwise);
    if (branches.isEmpty()) {
      throw new IllegalArgumentException("a switch needs at least one branch");
    }
  }

  @Override
  public <R> R accept(StatementVisitor<R> visitor) {
    return visitor.visitSwitch(this);
  }

  /** One {@code when} or {@code elseWhen} arm. */
  public record Branch(Expr condition, List<Statement> body, SourceLocation location) {
    public Branch {
      body = List.copyOf(body);
    }
  }
}

package io.hardformer.rtl.view;

import java.util.List;

/**
 * A procedural statement: an assignment ({@code kind = "assign"}, with {@code op} "=" or "<=") or
 * an if/else-if/else chain ({@code kind = "if"}, with arms and an optional else body).
 */
public record StatementView(
    String kind,
    String lhs,
    String op,
    String rhs,
    String comment,
    List<ArmView> arms,
    List<StatementView> otherwise) {
  public StatementView {
    arms = List.copyOf(arms);
    otherwise = List.copyOf(otherwise);
  }

  public static StatementView assign(String lhs, String op, String rhs, String comment) {
    return new StatementView("assign", lhs, op, rhs, comment, List.of(), List.of());
  }

  public static StatementView chain(List<ArmView> arms, List<StatementView> otherwise) {
    return new StatementView("if", "", "", "", "", arms, otherwise);
  }

  public boolean isAssign() {
    return kind.equals("assign");
  }

  public boolean hasOtherwise() {
    return !otherwise.isEmpty();
  }

  /** One {@code if (condition) begin ... end} arm. */
  public record ArmView(String condition, String comment, List<StatementView> body) {
    public ArmView {
      body = List.copyOf(body);
    }
  }
}

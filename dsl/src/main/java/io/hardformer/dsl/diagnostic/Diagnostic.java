package io.hardformer.dsl.diagnostic;

import io.hardformer.dsl.ir.SourceLocation;
import java.util.List;

/**
 * One finding of a design rule: which rule, how severe, what is wrong (naming the signals and the
 * facts, e.g. both widths), where, related places, and how to fix it. Prints as {@code [RULE ID]
 * File.java:12: message}.
 */
public record Diagnostic(
    String ruleId,
    Severity severity,
    String message,
    SourceLocation location,
    List<Related> related,
    String fix) {
  public Diagnostic {
    related = List.copyOf(related);
  }

  /**
   * Another place that explains the finding ("declared at", "previously assigned at", a loop hop).
   */
  public record Related(String note, SourceLocation location) {}

  public boolean isError() {
    return severity == Severity.ERROR;
  }

  /** The full multi-line report of this finding. */
  public String render() {
    StringBuilder sb = new StringBuilder();
    sb.append('[').append(ruleId).append("] ");
    if (severity == Severity.WARNING) {
      sb.append("warning: ");
    }
    sb.append(location).append(": ").append(message);
    for (Related r : related) {
      sb.append("\n    ").append(r.note()).append(" (").append(r.location()).append(')');
    }
    if (fix != null && !fix.isEmpty()) {
      sb.append("\n    fix: ").append(fix);
    }
    return sb.toString();
  }

  @Override
  public String toString() {
    return render();
  }
}

package io.hardformer.dsl.check;

import io.hardformer.dsl.diagnostic.Diagnostic;
import io.hardformer.dsl.diagnostic.Severity;
import io.hardformer.dsl.ir.SourceLocation;
import java.util.List;

/** Where one rule reports what it found; the rule's id and effective severity are filled in. */
public final class Findings {
  private final String ruleId;
  private final Severity severity;
  private final List<Diagnostic> sink;

  Findings(String ruleId, Severity severity, List<Diagnostic> sink) {
    this.ruleId = ruleId;
    this.severity = severity;
    this.sink = sink;
  }

  public void report(SourceLocation at, String message, String fix, Diagnostic.Related... related) {
    sink.add(new Diagnostic(ruleId, severity, message, at, List.of(related), fix));
  }

  public void report(
      SourceLocation at, String message, String fix, List<Diagnostic.Related> related) {
    sink.add(new Diagnostic(ruleId, severity, message, at, related, fix));
  }
}

package io.hardformer.dsl.check;

import io.hardformer.dsl.diagnostic.Diagnostic;
import io.hardformer.dsl.diagnostic.Severity;
import io.hardformer.dsl.ir.ModuleBody;
import io.hardformer.dsl.ir.Signal;
import io.hardformer.dsl.ir.SignalKind;
import io.hardformer.dsl.ir.SourceLocation;

/**
 * UNDRIVEN READ: a wire that is read but never assigned, or a register with neither reset nor next
 * value.
 */
final class UndrivenReadRule implements Rule {
  @Override
  public String id() {
    return "UNDRIVEN READ";
  }

  @Override
  public Severity defaultSeverity() {
    return Severity.ERROR;
  }

  @Override
  public String summary() {
    return "every wire or register that is read has a driver";
  }

  @Override
  public void check(ModuleBody body, BodyFacts facts, CheckRun run, Findings findings) {
    for (Signal s : body.signals()) {
      SourceLocation read = facts.firstRead(s);
      if (read == null || !facts.assignsTo(s).isEmpty()) {
        continue;
      }
      if (s.kind() == SignalKind.WIRE) {
        findings.report(
            read,
            "wire '" + s.name() + "' is read but never assigned",
            "assign it, e.g. " + s.name() + ".assign(...)",
            new Diagnostic.Related("declared here", s.location()));
      } else if (s.kind() == SignalKind.REGISTER && s.reset() == null) {
        findings.report(
            read,
            "register '" + s.name() + "' is read but has no reset and no next value",
            "set its next value with " + s.name() + ".next(...)",
            new Diagnostic.Related("declared here", s.location()));
      }
    }
  }
}

package io.hardformer.dsl.check;

import io.hardformer.dsl.diagnostic.Diagnostic;
import io.hardformer.dsl.diagnostic.Severity;
import io.hardformer.dsl.ir.Assign;
import io.hardformer.dsl.ir.ModuleBody;
import io.hardformer.dsl.ir.Signal;
import io.hardformer.dsl.ir.SignalKind;

/**
 * MULTIPLE DRIVERS: a signal that already has a driver elsewhere is driven here too: the module's
 * own input port (driven by the parent) or a child's output port (driven by the child).
 */
final class MultipleDriversRule implements Rule {
  @Override
  public String id() {
    return "MULTIPLE DRIVERS";
  }

  @Override
  public Severity defaultSeverity() {
    return Severity.ERROR;
  }

  @Override
  public String summary() {
    return "each signal has exactly one driver: inputs are driven by the parent, child outputs by the child";
  }

  @Override
  public void check(ModuleBody body, BodyFacts facts, CheckRun run, Findings findings) {
    for (Signal t : facts.assignedSignals()) {
      boolean own = t.scope() == body.scope();
      String other;
      if (own && t.kind() == SignalKind.INPUT) {
        other = "the parent module (it is an input port)";
      } else if (!own && t.kind() == SignalKind.OUTPUT) {
        other = "its own module " + t.scope().kindName() + " (it is an output port of a child)";
      } else {
        continue;
      }
      Assign first = facts.assignsTo(t).get(0);
      findings.report(
          first.location(),
          "'" + t.name() + "' is driven here and by " + other,
          "drive a wire instead, or read the port without driving it",
          new Diagnostic.Related("'" + t.name() + "' declared here", t.location()));
    }
  }
}

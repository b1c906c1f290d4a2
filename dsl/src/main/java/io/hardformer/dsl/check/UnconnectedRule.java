package io.hardformer.dsl.check;

import io.hardformer.dsl.diagnostic.Diagnostic;
import io.hardformer.dsl.diagnostic.Severity;
import io.hardformer.dsl.ir.Instance;
import io.hardformer.dsl.ir.ModuleBody;
import io.hardformer.dsl.ir.Signal;
import io.hardformer.dsl.ir.SignalKind;

/** UNCONNECTED: an output port never assigned, or an input of a child instance never connected. */
final class UnconnectedRule implements Rule {
  @Override
  public String id() {
    return "UNCONNECTED";
  }

  @Override
  public Severity defaultSeverity() {
    return Severity.ERROR;
  }

  @Override
  public String summary() {
    return "every output port is driven and every input of every child instance is connected";
  }

  @Override
  public void check(ModuleBody body, BodyFacts facts, CheckRun run, Findings findings) {
    for (Signal p : body.ports()) {
      if (p.kind() == SignalKind.OUTPUT && facts.assignsTo(p).isEmpty()) {
        findings.report(
            p.location(),
            "output '" + p.name() + "' of " + body.kindName() + " is never driven",
            "assign it, e.g. " + p.name() + ".assign(...)");
      }
    }
    for (Instance i : body.instances()) {
      for (Signal p : i.ports()) {
        if (p.kind() == SignalKind.INPUT && facts.assignsTo(p).isEmpty()) {
          findings.report(
              i.location(),
              "input '"
                  + p.name()
                  + "' of instance '"
                  + i.name()
                  + "' ("
                  + i.body().kindName()
                  + ") is not connected",
              "connect it: " + i.name() + "." + p.name() + ".assign(...)",
              new Diagnostic.Related("port declared here", p.location()));
        }
      }
    }
  }
}

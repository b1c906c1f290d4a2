package io.hardformer.dsl.check;

import io.hardformer.dsl.diagnostic.Diagnostic;
import io.hardformer.dsl.diagnostic.Severity;
import io.hardformer.dsl.ir.Assign;
import io.hardformer.dsl.ir.ModuleBody;
import io.hardformer.dsl.ir.Signal;
import java.util.ArrayList;
import java.util.List;

/**
 * LATCH: a combinational signal (wire, output, child input) assigned on some paths through the
 * when-chains but not all, which would infer a latch.
 */
final class LatchRule implements Rule {
  @Override
  public String id() {
    return "LATCH";
  }

  @Override
  public Severity defaultSeverity() {
    return Severity.ERROR;
  }

  @Override
  public String summary() {
    return "combinational signals are assigned on every path";
  }

  @Override
  public void check(ModuleBody body, BodyFacts facts, CheckRun run, Findings findings) {
    for (Signal t : facts.assignedSignals()) {
      if (!t.kind().isCombinational() || facts.isFullyAssigned(t)) {
        continue;
      }
      List<Diagnostic.Related> related = new ArrayList<>();
      for (Assign a : facts.assignsTo(t)) {
        related.add(new Diagnostic.Related("assigned only conditionally here", a.location()));
      }
      related.add(new Diagnostic.Related("declared here", t.location()));
      findings.report(
          facts.assignsTo(t).get(0).location(),
          "'" + t.name() + "' is not assigned on every path (a latch would be inferred)",
          "assign a default value before the when, or add an otherwise that assigns it",
          related);
    }
  }
}

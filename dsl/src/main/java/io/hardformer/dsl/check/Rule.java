package io.hardformer.dsl.check;

import io.hardformer.dsl.diagnostic.Severity;
import io.hardformer.dsl.ir.ModuleBody;

/**
 * One elaboration rule: a stable, greppable id (an uppercase headline such as {@code WIDTH
 * MISMATCH}), a default severity, a one-line summary, and a read-only check of one module body.
 * Rules see only the IR and the shared {@link BodyFacts}; they keep any state of their own for one
 * elaboration run.
 */
public interface Rule {
  String id();

  Severity defaultSeverity();

  String summary();

  void check(ModuleBody body, BodyFacts facts, CheckRun run, Findings findings);
}

package io.hardformer.dsl.check;

import io.hardformer.dsl.diagnostic.Severity;
import io.hardformer.dsl.ir.Expr;
import io.hardformer.dsl.ir.ExtendExpr;
import io.hardformer.dsl.ir.Literal;
import io.hardformer.dsl.ir.ModuleBody;
import io.hardformer.dsl.ir.Signal;

/** BAD WIDTH: a signal, literal or extension with zero or negative width. */
final class BadWidthRule implements Rule {
  @Override
  public String id() {
    return "BAD WIDTH";
  }

  @Override
  public Severity defaultSeverity() {
    return Severity.ERROR;
  }

  @Override
  public String summary() {
    return "every signal and constant has a width of at least 1 bit";
  }

  @Override
  public void check(ModuleBody body, BodyFacts facts, CheckRun run, Findings findings) {
    for (Signal s : body.allSignals()) {
      if (s.width() <= 0) {
        findings.report(
            s.location(),
            s.kind().name().toLowerCase() + " '" + s.name() + "' has width " + s.width(),
            "give it a width of at least 1 bit");
      }
    }
    for (Expr e : facts.expressions()) {
      if (e instanceof Literal && e.width() <= 0) {
        findings.report(
            e.location(),
            "literal " + ((Literal) e).value() + " has width " + e.width(),
            "give the literal a width of at least 1 bit");
      } else if (e instanceof ExtendExpr && e.width() <= 0) {
        findings.report(
            e.location(),
            "extension to width " + e.width(),
            "extend to at least the operand's width");
      }
    }
  }
}

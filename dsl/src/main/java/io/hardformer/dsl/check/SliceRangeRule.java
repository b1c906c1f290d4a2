package io.hardformer.dsl.check;

import io.hardformer.dsl.diagnostic.Severity;
import io.hardformer.dsl.ir.Expr;
import io.hardformer.dsl.ir.ModuleBody;
import io.hardformer.dsl.ir.SliceExpr;

/** SLICE RANGE: a bit slice (also trunc and constant shifts) outside the operand's bits. */
final class SliceRangeRule implements Rule {
  @Override
  public String id() {
    return "SLICE RANGE";
  }

  @Override
  public Severity defaultSeverity() {
    return Severity.ERROR;
  }

  @Override
  public String summary() {
    return "slices select bits that exist, high index first";
  }

  @Override
  public void check(ModuleBody body, BodyFacts facts, CheckRun run, Findings findings) {
    for (Expr e : facts.expressions()) {
      if (!(e instanceof SliceExpr)) {
        continue;
      }
      SliceExpr s = (SliceExpr) e;
      int w = s.operand().width();
      if (w <= 0) {
        continue; // reported by BAD WIDTH
      }
      if (s.lo() < 0 || s.hi() >= w || s.hi() < s.lo()) {
        findings.report(
            s.location(),
            "bits ["
                + s.hi()
                + ":"
                + s.lo()
                + "] of "
                + Describe.expr(s.operand())
                + " ("
                + w
                + " bits) are out of range",
            "select within [" + (w - 1) + ":0] with the high index first; to widen, use zext/sext");
      }
    }
  }
}

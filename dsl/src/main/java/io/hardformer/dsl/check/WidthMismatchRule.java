package io.hardformer.dsl.check;

import io.hardformer.dsl.diagnostic.Diagnostic;
import io.hardformer.dsl.diagnostic.Severity;
import io.hardformer.dsl.ir.Assign;
import io.hardformer.dsl.ir.BinaryExpr;
import io.hardformer.dsl.ir.Expr;
import io.hardformer.dsl.ir.ExtendExpr;
import io.hardformer.dsl.ir.Literal;
import io.hardformer.dsl.ir.ModuleBody;
import io.hardformer.dsl.ir.MuxExpr;
import io.hardformer.dsl.ir.Signal;

/**
 * WIDTH MISMATCH: an assignment whose value is not exactly as wide as its target, bitwise operands
 * or mux arms of different widths, a non-1-bit condition, an "extension" to fewer bits, a literal
 * that does not fit its width. Nothing is extended or truncated implicitly.
 */
final class WidthMismatchRule implements Rule {
  @Override
  public String id() {
    return "WIDTH MISMATCH";
  }

  @Override
  public Severity defaultSeverity() {
    return Severity.ERROR;
  }

  @Override
  public String summary() {
    return "widths match exactly; resizing is explicit";
  }

  @Override
  public void check(ModuleBody body, BodyFacts facts, CheckRun run, Findings findings) {
    for (Signal target : facts.assignedSignals()) {
      for (Assign a : facts.assignsTo(target)) {
        int tw = target.width();
        int vw = a.value().width();
        if (tw != vw && tw > 0 && vw > 0) {
          String fix =
              vw > tw
                  ? "narrow the value with .trunc(" + tw + ") (or widen '" + target.name() + "')"
                  : "widen the value with .zext(" + tw + ") or .sext(" + tw + ")";
          findings.report(
              a.location(),
              "'"
                  + target.name()
                  + "' is "
                  + tw
                  + " bits but is assigned "
                  + vw
                  + " bits ("
                  + tw
                  + " bits <- "
                  + vw
                  + " bits)",
              fix,
              new Diagnostic.Related("'" + target.name() + "' declared here", target.location()));
        }
      }
    }
    for (Expr e : facts.expressions()) {
      if (e instanceof BinaryExpr) {
        BinaryExpr b = (BinaryExpr) e;
        if (b.op().isBitwise() && b.left().width() != b.right().width()) {
          findings.report(
              b.location(),
              "bitwise "
                  + b.op().name().toLowerCase()
                  + " of "
                  + b.left().width()
                  + " bits and "
                  + b.right().width()
                  + " bits",
              "resize one operand (zext/sext/trunc) so both have the same width");
        }
      } else if (e instanceof MuxExpr) {
        MuxExpr m = (MuxExpr) e;
        if (m.whenTrue().width() != m.whenFalse().width()) {
          findings.report(
              m.location(),
              "mux arms have different widths: "
                  + m.whenTrue().width()
                  + " bits and "
                  + m.whenFalse().width()
                  + " bits",
              "resize one arm (zext/sext/trunc) so both have the same width");
        }
        if (m.select().width() != 1) {
          findings.report(
              m.location(),
              "mux select is " + m.select().width() + " bits, not 1",
              "select with a Bool");
        }
      } else if (e instanceof ExtendExpr) {
        ExtendExpr x = (ExtendExpr) e;
        if (x.width() > 0 && x.width() < x.operand().width()) {
          findings.report(
              x.location(),
              "extension of "
                  + x.operand().width()
                  + " bits to "
                  + x.width()
                  + " bits would drop bits",
              "use .trunc(" + x.width() + ") to narrow");
        }
      } else if (e instanceof Literal) {
        Literal l = (Literal) e;
        if (l.width() > 0 && !l.fits()) {
          findings.report(
              l.location(),
              "literal "
                  + l.value()
                  + " does not fit in "
                  + l.width()
                  + (l.signed() ? " signed" : " unsigned")
                  + " bits",
              "widen the literal to at least " + neededBits(l) + " bits");
        }
      }
    }
    for (BodyFacts.Condition c : facts.conditions()) {
      if (c.expr().width() != 1) {
        findings.report(
            c.location(), "condition is " + c.expr().width() + " bits, not 1", "use a Bool");
      }
    }
  }

  private static int neededBits(Literal l) {
    return l.signed() ? l.value().bitLength() + 1 : Math.max(1, l.value().bitLength());
  }
}

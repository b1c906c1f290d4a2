package io.hardformer.dsl.elaborate;

import io.hardformer.dsl.ir.Assign;
import io.hardformer.dsl.ir.BinaryExpr;
import io.hardformer.dsl.ir.Expr;
import io.hardformer.dsl.ir.ExtendExpr;
import io.hardformer.dsl.ir.Instance;
import io.hardformer.dsl.ir.Literal;
import io.hardformer.dsl.ir.ModuleBody;
import io.hardformer.dsl.ir.Signal;
import io.hardformer.dsl.ir.SignalRef;
import io.hardformer.dsl.ir.SliceExpr;
import io.hardformer.dsl.ir.SourceLocation;
import io.hardformer.dsl.ir.Statement;
import io.hardformer.dsl.ir.StatementVisitor;
import io.hardformer.dsl.ir.Switch;
import io.hardformer.dsl.ir.UnaryExpr;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * A canonical text of one module body's structure: kind, parameters, signals, instances (by the
 * keys of their own structures), statements and expressions (as a numbered DAG, so shared nodes
 * cost once), source locations included. Two bodies with equal keys emit identical Verilog and
 * share one module.
 */
final class StructureKey {
  private final StringBuilder out = new StringBuilder();
  private final Map<Signal, String> signalIds = new IdentityHashMap<>();
  private final Map<Expr, Integer> exprIds = new IdentityHashMap<>();

  private StructureKey() {}

  /**
   * @param childKeyIds the distinct-structure id of each instance's body, in instance order
   */
  static String of(ModuleBody body, List<Integer> childKeyIds) {
    StructureKey k = new StructureKey();
    k.module(body, childKeyIds);
    return k.out.toString();
  }

  private void module(ModuleBody body, List<Integer> childKeyIds) {
    out.append("kind ").append(body.kindName()).append('\n');
    out.append("params ").append(body.parameters()).append('\n');
    out.append("timing ").append(body.timing()).append('\n');
    int n = 0;
    for (Signal s : body.allSignals()) {
      String id = "s" + n++;
      signalIds.put(s, id);
      out.append(id)
          .append(' ')
          .append(s.kind())
          .append(' ')
          .append(s.type())
          .append(' ')
          .append(s.name())
          .append(' ')
          .append(s.width())
          .append(' ')
          .append(s.reset())
          .append(' ')
          .append(s.location())
          .append('\n');
    }
    for (int i = 0; i < body.instances().size(); i++) {
      Instance inst = body.instances().get(i);
      out.append("inst ")
          .append(inst.name())
          .append(" def")
          .append(childKeyIds.get(i))
          .append(' ')
          .append(inst.location())
          .append('\n');
      int p = 0;
      for (Signal s : inst.ports()) {
        signalIds.put(s, "i" + i + "p" + p++);
      }
    }
    statements(body.statements());
  }

  private void statements(List<Statement> statements) {
    out.append('{');
    for (Statement s : statements) {
      s.accept(statementWriter);
    }
    out.append('}');
  }

  /** Appends {@code " file:line"} without building the location's string first. */
  private StringBuilder location(SourceLocation loc) {
    return out.append(' ').append(loc.file()).append(':').append(loc.line());
  }

  private final StatementVisitor<Void> statementWriter =
      new StatementVisitor<>() {
        @Override
        public Void visitAssign(Assign a) {
          int v = expr(a.value());
          out.append("assign ").append(signal(a.target())).append(" e").append(v);
          location(a.location()).append(';');
          return null;
        }

        @Override
        public Void visitSwitch(Switch sw) {
          out.append("switch");
          location(sw.location());
          for (Switch.Branch b : sw.branches()) {
            int c = expr(b.condition());
            out.append(" when e").append(c);
            location(b.location());
            statements(b.body());
          }
          out.append(" otherwise");
          statements(sw.otherwise());
          return null;
        }
      };

  private String signal(Signal s) {
    String id = signalIds.get(s);
    return id != null
        ? id
        : "foreign:" + s.scope().kindName() + "." + s.name() + "@" + System.identityHashCode(s);
  }

  /** Emits the node (after its operands) once and returns its number. */
  private int expr(Expr root) {
    Integer known = exprIds.get(root);
    if (known != null) {
      return known;
    }
    // post-order without recursion: long operator chains must not overflow the stack
    java.util.ArrayDeque<Expr> stack = new java.util.ArrayDeque<>();
    stack.push(root);
    while (!stack.isEmpty()) {
      Expr e = stack.peek();
      if (exprIds.containsKey(e)) {
        stack.pop();
        continue;
      }
      boolean ready = true;
      for (Expr c : e.operands()) {
        if (!exprIds.containsKey(c)) {
          stack.push(c);
          ready = false;
        }
      }
      if (!ready) {
        continue;
      }
      stack.pop();
      int id = exprIds.size();
      exprIds.put(e, id);
      out.append('e').append(id).append('=').append(describe(e));
      for (Expr c : e.operands()) {
        out.append(" e").append(exprIds.get(c));
      }
      location(e.location()).append(';');
    }
    return exprIds.get(root);
  }

  private String describe(Expr e) {
    if (e instanceof Literal) {
      Literal l = (Literal) e;
      return "lit " + l.value() + " " + l.width() + (l.signed() ? "s" : "u");
    }
    if (e instanceof SignalRef) {
      return "ref " + signal(((SignalRef) e).signal());
    }
    if (e instanceof UnaryExpr) {
      return "un " + ((UnaryExpr) e).op();
    }
    if (e instanceof BinaryExpr) {
      BinaryExpr b = (BinaryExpr) e;
      return "bin " + b.op() + (b.signed() ? "s" : "u");
    }
    if (e instanceof SliceExpr) {
      SliceExpr s = (SliceExpr) e;
      return "slice " + s.hi() + " " + s.lo();
    }
    if (e instanceof ExtendExpr) {
      ExtendExpr x = (ExtendExpr) e;
      return "ext " + x.width() + (x.signed() ? "s" : "u");
    }
    return e.getClass().getSimpleName();
  }
}

package io.hardformer.dsl.sim;

import io.hardformer.dsl.ir.Assign;
import io.hardformer.dsl.ir.BinaryExpr;
import io.hardformer.dsl.ir.ConcatExpr;
import io.hardformer.dsl.ir.Expr;
import io.hardformer.dsl.ir.ExtendExpr;
import io.hardformer.dsl.ir.Instance;
import io.hardformer.dsl.ir.Literal;
import io.hardformer.dsl.ir.ModuleBody;
import io.hardformer.dsl.ir.MuxExpr;
import io.hardformer.dsl.ir.Scope;
import io.hardformer.dsl.ir.Signal;
import io.hardformer.dsl.ir.SignalRef;
import io.hardformer.dsl.ir.SliceExpr;
import io.hardformer.dsl.ir.Statement;
import io.hardformer.dsl.ir.StatementVisitor;
import io.hardformer.dsl.ir.Switch;
import io.hardformer.dsl.ir.UnaryExpr;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * A copy of an instance whose body is shared (an instance of a {@code Definition}) with signals of
 * its own, so a simulator that keeps one value per signal can give every instance its own state.
 * The copy's ports are the instance's port signals (the ones its parent reads and drives); every
 * internal signal, child instance and expression below is new. Literals and locations are shared.
 */
final class PrivateBodyCopy {
  private final Map<Signal, Signal> signals = new IdentityHashMap<>();
  private final Map<Expr, Expr> exprs = new IdentityHashMap<>();

  private PrivateBodyCopy() {}

  /** The instance with a body of its own, whose ports are {@code instance.ports()}. */
  static Instance of(Instance instance) {
    ModuleBody body = new PrivateBodyCopy().copy(instance.body(), instance.ports());
    return new Instance(instance.name(), body, instance.location());
  }

  private ModuleBody copy(ModuleBody body, List<Signal> ports) {
    Scope scope = ports.isEmpty() ? new Scope(body.kindName()) : ports.get(0).scope();
    for (int k = 0; k < ports.size(); k++) {
      signals.put(body.ports().get(k), ports.get(k));
    }
    List<Signal> internal = new ArrayList<>(body.signals().size());
    for (Signal s : body.signals()) {
      Signal c =
          new Signal(
              s.name(),
              s.kind(),
              s.type(),
              s.width(),
              s.reset(),
              s.location(),
              scope,
              s.renamable());
      signals.put(s, c);
      internal.add(c);
    }
    List<Instance> children = new ArrayList<>(body.instances().size());
    for (Instance i : body.instances()) {
      Scope childScope = new Scope(i.body().kindName());
      List<Signal> childPorts = new ArrayList<>(i.ports().size());
      for (Signal p : i.ports()) {
        Signal c =
            new Signal(p.name(), p.kind(), p.type(), p.width(), null, p.location(), childScope);
        signals.put(p, c);
        childPorts.add(c);
      }
      children.add(
          new Instance(i.name(), new PrivateBodyCopy().copy(i.body(), childPorts), i.location()));
    }
    return new ModuleBody(
        scope,
        body.kindName(),
        body.location(),
        body.parameters(),
        ports,
        internal,
        children,
        statements(body.statements()),
        body.timing());
  }

  private List<Statement> statements(List<Statement> in) {
    List<Statement> out = new ArrayList<>(in.size());
    for (Statement s : in) {
      out.add(s.accept(statementCopy));
    }
    return out;
  }

  private final StatementVisitor<Statement> statementCopy =
      new StatementVisitor<>() {
        @Override
        public Statement visitAssign(Assign a) {
          return new Assign(signal(a.target()), expr(a.value()), a.location());
        }

        @Override
        public Statement visitSwitch(Switch sw) {
          List<Switch.Branch> branches = new ArrayList<>(sw.branches().size());
          for (Switch.Branch b : sw.branches()) {
            branches.add(
                new Switch.Branch(expr(b.condition()), statements(b.body()), b.location()));
          }
          return new Switch(branches, statements(sw.otherwise()), sw.location());
        }
      };

  /** A signal the checks let this body use: its own, or a port of one of its children. */
  private Signal signal(Signal s) {
    Signal c = signals.get(s);
    return c != null ? c : s;
  }

  /** Post-order without recursion: long operator chains must not overflow the stack. */
  private Expr expr(Expr root) {
    ArrayDeque<Expr> stack = new ArrayDeque<>();
    stack.push(root);
    while (!stack.isEmpty()) {
      Expr e = stack.peek();
      if (exprs.containsKey(e)) {
        stack.pop();
        continue;
      }
      boolean ready = true;
      for (Expr c : e.operands()) {
        if (!exprs.containsKey(c)) {
          stack.push(c);
          ready = false;
        }
      }
      if (ready) {
        stack.pop();
        exprs.put(e, rebuild(e));
      }
    }
    return exprs.get(root);
  }

  private Expr rebuild(Expr e) {
    if (e instanceof Literal) {
      return e;
    }
    if (e instanceof SignalRef r) {
      return new SignalRef(signal(r.signal()), r.location());
    }
    if (e instanceof UnaryExpr u) {
      return new UnaryExpr(u.op(), exprs.get(u.operand()), u.location());
    }
    if (e instanceof BinaryExpr b) {
      return new BinaryExpr(
          b.op(), exprs.get(b.left()), exprs.get(b.right()), b.signed(), b.location());
    }
    if (e instanceof SliceExpr s) {
      return new SliceExpr(exprs.get(s.operand()), s.hi(), s.lo(), s.location());
    }
    if (e instanceof ExtendExpr x) {
      return new ExtendExpr(exprs.get(x.operand()), x.width(), x.signed(), x.location());
    }
    if (e instanceof MuxExpr m) {
      return new MuxExpr(
          exprs.get(m.select()), exprs.get(m.whenTrue()), exprs.get(m.whenFalse()), m.location());
    }
    ConcatExpr c = (ConcatExpr) e;
    List<Expr> parts = new ArrayList<>(c.parts().size());
    for (Expr p : c.parts()) {
      parts.add(exprs.get(p));
    }
    return new ConcatExpr(parts, c.location());
  }
}

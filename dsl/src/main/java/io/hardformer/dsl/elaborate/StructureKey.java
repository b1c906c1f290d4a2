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
 *
 * <p>One writer serves a whole elaboration: it reuses its buffer and maps from body to body, so an
 * array of N identical cells writes N keys without allocating N key strings (the caller compares
 * the buffer with the keys it kept, {@link #matches}, and copies only a new one, {@link #copy}).
 */
final class StructureKey {
  /** Maps that grew past this are dropped instead of cleared (clearing costs their capacity). */
  private static final int REUSE_LIMIT = 4096;

  private final StringBuilder out = new StringBuilder(1024);
  private Map<Signal, Long> signalIds = new IdentityHashMap<>();
  private Map<Expr, Integer> exprIds = new IdentityHashMap<>();
  private final java.util.ArrayDeque<Expr> stack = new java.util.ArrayDeque<>();

  /**
   * Writes the key of {@code body} into the buffer, replacing the previous key.
   *
   * @param childKeyIds the distinct-structure id of each instance's body, in instance order
   */
  void write(ModuleBody body, List<Integer> childKeyIds) {
    out.setLength(0);
    signalIds = signalIds.size() > REUSE_LIMIT ? new IdentityHashMap<>() : clear(signalIds);
    exprIds = exprIds.size() > REUSE_LIMIT ? new IdentityHashMap<>() : clear(exprIds);
    module(body, childKeyIds);
  }

  private static <K, V> Map<K, V> clear(Map<K, V> m) {
    m.clear();
    return m;
  }

  /** Whether the last key written equals {@code key}. */
  boolean matches(String key) {
    return key.contentEquals(out);
  }

  /** The last key written, as a string of its own. */
  String copy() {
    return out.toString();
  }

  private void module(ModuleBody body, List<Integer> childKeyIds) {
    out.append("kind ").append(body.kindName()).append('\n');
    out.append("params ").append(body.parameters()).append('\n');
    out.append("timing ").append(body.timing()).append('\n');
    long n = 0;
    for (Signal s : body.allSignals()) {
      signalIds.put(s, n);
      out.append('s')
          .append(n++)
          .append(' ')
          .append(s.kind())
          .append(' ')
          .append(s.type())
          .append(' ')
          .append(s.name())
          .append(' ')
          .append(s.width())
          .append(' ')
          .append(s.reset());
      location(s.location()).append('\n');
    }
    for (int i = 0; i < body.instances().size(); i++) {
      Instance inst = body.instances().get(i);
      out.append("inst ").append(inst.name()).append(" def").append(childKeyIds.get(i));
      location(inst.location()).append('\n');
      long p = 0;
      for (Signal s : inst.ports()) {
        signalIds.put(s, -(((long) i << 32) | p++) - 1); // negative: the port p of instance i
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
          out.append("assign ");
          signal(a.target()).append(" e").append(v);
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

  private StringBuilder signal(Signal s) {
    Long id = signalIds.get(s);
    if (id == null) {
      return out.append("foreign:")
          .append(s.scope().kindName())
          .append('.')
          .append(s.name())
          .append('@')
          .append(System.identityHashCode(s));
    }
    long v = id;
    if (v >= 0) {
      return out.append('s').append(v);
    }
    long code = -(v + 1);
    return out.append('i').append(code >>> 32).append('p').append(code & 0xffffffffL);
  }

  /** Emits the node (after its operands) once and returns its number. */
  private int expr(Expr root) {
    Integer known = exprIds.get(root);
    if (known != null) {
      return known;
    }
    // post-order without recursion: long operator chains must not overflow the stack
    stack.clear();
    stack.push(root);
    while (!stack.isEmpty()) {
      Expr e = stack.peek();
      if (exprIds.containsKey(e)) {
        stack.pop();
        continue;
      }
      boolean ready = true;
      List<Expr> operands = e.operands();
      for (int k = 0, n = operands.size(); k < n; k++) {
        Expr c = operands.get(k);
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
      out.append('e').append(id).append('=');
      describe(e);
      for (int k = 0, n = operands.size(); k < n; k++) {
        out.append(" e").append(exprIds.get(operands.get(k)).intValue());
      }
      location(e.location()).append(';');
    }
    return exprIds.get(root);
  }

  private void describe(Expr e) {
    if (e instanceof Literal) {
      Literal l = (Literal) e;
      out.append("lit ")
          .append(l.value())
          .append(' ')
          .append(l.width())
          .append(l.signed() ? 's' : 'u');
    } else if (e instanceof SignalRef) {
      out.append("ref ");
      signal(((SignalRef) e).signal());
    } else if (e instanceof UnaryExpr) {
      out.append("un ").append(((UnaryExpr) e).op());
    } else if (e instanceof BinaryExpr) {
      BinaryExpr b = (BinaryExpr) e;
      out.append("bin ").append(b.op()).append(b.signed() ? 's' : 'u');
    } else if (e instanceof SliceExpr) {
      SliceExpr s = (SliceExpr) e;
      out.append("slice ").append(s.hi()).append(' ').append(s.lo());
    } else if (e instanceof ExtendExpr) {
      ExtendExpr x = (ExtendExpr) e;
      out.append("ext ").append(x.width()).append(x.signed() ? 's' : 'u');
    } else {
      out.append(e.getClass().getSimpleName());
    }
  }
}

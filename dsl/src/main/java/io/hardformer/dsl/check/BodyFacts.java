package io.hardformer.dsl.check;

import io.hardformer.dsl.ir.Assign;
import io.hardformer.dsl.ir.Expr;
import io.hardformer.dsl.ir.ModuleBody;
import io.hardformer.dsl.ir.Signal;
import io.hardformer.dsl.ir.SignalRef;
import io.hardformer.dsl.ir.SourceLocation;
import io.hardformer.dsl.ir.Statement;
import io.hardformer.dsl.ir.StatementVisitor;
import io.hardformer.dsl.ir.Switch;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one walk over a module body that driver, latch, loop and expression rules share: who assigns
 * each signal and where, which signals are assigned on every path, what each driven signal reads
 * combinationally (values and the conditions above them), where each signal is first read, and
 * every distinct expression node with the statement it belongs to. Linear in the size of the body:
 * shared expression nodes are visited once.
 */
public final class BodyFacts {
  private final Map<Signal, List<Assign>> assigns = new LinkedHashMap<>();
  private final Map<Signal, Set<Signal>> combReads = new LinkedHashMap<>();
  private final Map<Signal, SourceLocation> firstRead = new LinkedHashMap<>();
  private final List<Read> reads = new ArrayList<>();
  private final Set<Signal> fullyAssigned;
  private final List<Expr> expressions = new ArrayList<>();
  private final Map<Expr, Set<Signal>> readsMemo = new IdentityHashMap<>();
  private final Set<Expr> seen = Collections.newSetFromMap(new IdentityHashMap<>());
  private final List<Condition> conditions = new ArrayList<>();

  /** A read of a signal, located at the user's expression or statement that reads it. */
  public record Read(Signal signal, SourceLocation location) {}

  /** A branch condition as an expression site, for the width rule (conditions must be 1 bit). */
  public record Condition(Expr expr, SourceLocation location) {}

  private BodyFacts(ModuleBody body) {
    walk(body.statements(), new ArrayList<>());
    fullyAssigned = covered(body.statements());
  }

  public static BodyFacts of(ModuleBody body) {
    return new BodyFacts(body);
  }

  /** Assignments to {@code s} in this body, in source order (empty when never assigned). */
  public List<Assign> assignsTo(Signal s) {
    return assigns.getOrDefault(s, List.of());
  }

  /** Every signal assigned in this body, in order of first assignment. */
  public Set<Signal> assignedSignals() {
    return assigns.keySet();
  }

  /** True when every path through the body assigns {@code s}. */
  public boolean isFullyAssigned(Signal s) {
    return fullyAssigned.contains(s);
  }

  /** Signals that the drivers of {@code target} read (values and enclosing conditions). */
  public Set<Signal> combReads(Signal target) {
    return combReads.getOrDefault(target, Set.of());
  }

  /** Where {@code s} is first read in this body, or null when it is never read. */
  public SourceLocation firstRead(Signal s) {
    return firstRead.get(s);
  }

  /** Every read of a signal: one entry per reading expression or statement. */
  public List<Read> reads() {
    return reads;
  }

  /** Every distinct expression node in this body. */
  public List<Expr> expressions() {
    return expressions;
  }

  /** Every branch condition. */
  public List<Condition> conditions() {
    return conditions;
  }

  private void walk(List<Statement> statements, List<Expr> guards) {
    StatementVisitor<Void> walker =
        new StatementVisitor<>() {
          @Override
          public Void visitAssign(Assign a) {
            // most signals have one assignment and read few signals: start small
            assigns.computeIfAbsent(a.target(), k -> new ArrayList<>(1)).add(a);
            Set<Signal> deps = combReads.computeIfAbsent(a.target(), k -> new LinkedHashSet<>(4));
            deps.addAll(reads(a.value(), a.location()));
            for (Expr g : guards) {
              deps.addAll(reads(g, g.location()));
            }
            return null;
          }

          @Override
          public Void visitSwitch(Switch sw) {
            List<Expr> inner = new ArrayList<>(guards);
            for (Switch.Branch b : sw.branches()) {
              conditions.add(new Condition(b.condition(), b.location()));
              reads(b.condition(), b.location());
              inner.add(b.condition());
            }
            for (Switch.Branch b : sw.branches()) {
              walk(b.body(), inner);
            }
            walk(sw.otherwise(), inner);
            return null;
          }
        };
    for (Statement s : statements) {
      s.accept(walker);
    }
  }

  /** The signals a statement assigns on every path. */
  private static final StatementVisitor<Set<Signal>> COVERED =
      new StatementVisitor<>() {
        @Override
        public Set<Signal> visitAssign(Assign a) {
          return Set.of(a.target());
        }

        @Override
        public Set<Signal> visitSwitch(Switch sw) {
          if (sw.otherwise().isEmpty()) {
            return Set.of();
          }
          Set<Signal> all = covered(sw.otherwise());
          for (Switch.Branch b : sw.branches()) {
            all.retainAll(covered(b.body()));
          }
          return all;
        }
      };

  private static Set<Signal> covered(List<Statement> statements) {
    Set<Signal> out = new HashSet<>();
    for (Statement s : statements) {
      out.addAll(s.accept(COVERED));
    }
    return out;
  }

  private Set<Signal> reads(Expr root, SourceLocation at) {
    Set<Signal> cached = readsMemo.get(root);
    if (cached != null) {
      return cached;
    }
    if (root instanceof SignalRef) {
      read(((SignalRef) root).signal(), at);
    }
    if (root.operands().isEmpty()) { // a leaf (most connections of a flat array): no walk needed
      if (seen.add(root)) {
        expressions.add(root);
      }
      Set<Signal> leaf = root instanceof SignalRef ? Set.of(((SignalRef) root).signal()) : Set.of();
      readsMemo.put(root, leaf);
      return leaf;
    }
    Set<Signal> result = new LinkedHashSet<>();
    Set<Expr> visited = Collections.newSetFromMap(new IdentityHashMap<>());
    ArrayDeque<Expr> stack = new ArrayDeque<>();
    stack.push(root);
    while (!stack.isEmpty()) {
      Expr e = stack.pop();
      if (!visited.add(e)) {
        continue;
      }
      if (seen.add(e)) {
        expressions.add(e);
      }
      if (e instanceof SignalRef) {
        result.add(((SignalRef) e).signal());
      }
      for (Expr child : e.operands()) {
        if (child instanceof SignalRef && visited.add(child)) {
          read(((SignalRef) child).signal(), e.location());
          visited.remove(child);
        }
        stack.push(child);
      }
    }
    readsMemo.put(root, result);
    return result;
  }

  private void read(Signal s, SourceLocation at) {
    firstRead.putIfAbsent(s, at);
    reads.add(new Read(s, at));
  }
}

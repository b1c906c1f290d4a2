package io.hardformer.dsl.sim;

import io.hardformer.dsl.check.BodyFacts;
import io.hardformer.dsl.elaborate.Design;
import io.hardformer.dsl.ir.Assign;
import io.hardformer.dsl.ir.Instance;
import io.hardformer.dsl.ir.ModuleBody;
import io.hardformer.dsl.ir.Signal;
import io.hardformer.dsl.ir.SignalKind;
import io.hardformer.dsl.ir.Statement;
import io.hardformer.dsl.ir.StatementVisitor;
import io.hardformer.dsl.ir.Switch;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a cycle simulator of an elaborated design evaluates and in which order, shared by the IR
 * interpreter ({@link IrSimulator}) and the bytecode backend ({@link JitSimulator}): the top's
 * ports, every signal of the hierarchy, the combinational drivers in dependency order across the
 * whole hierarchy, and the registers with the statements that assign them.
 */
public final class SimulationSchedule {
  /** A signal with the statements of its module body that can assign it. */
  public record Driver(Signal target, List<Statement> statements) {}

  public final Map<String, Signal> inputs = new LinkedHashMap<>();
  public final Map<String, Signal> outputs = new LinkedHashMap<>();

  /** Every signal of the hierarchy once, in a deterministic order (ports, then body signals). */
  public final List<Signal> signals = new ArrayList<>();

  public final List<Driver> combOrder = new ArrayList<>();
  public final List<Driver> registers = new ArrayList<>();
  private final Set<Signal> seen = Collections.newSetFromMap(new IdentityHashMap<>());
  private final Set<ModuleBody> collected = Collections.newSetFromMap(new IdentityHashMap<>());

  public SimulationSchedule(Design design) {
    ModuleBody top = design.top().body();
    for (Signal p : top.ports()) {
      (p.kind() == SignalKind.INPUT ? inputs : outputs).put(p.name(), p);
    }
    List<Driver> comb = new ArrayList<>();
    Map<Signal, Set<Signal>> deps = new IdentityHashMap<>();
    collected.add(top);
    collect(top, comb, deps);
    order(comb, deps);
  }

  private void add(Signal s) {
    if (seen.add(s)) {
      signals.add(s);
    }
  }

  private void collect(ModuleBody body, List<Driver> comb, Map<Signal, Set<Signal>> deps) {
    BodyFacts facts = BodyFacts.of(body);
    Map<Signal, List<Statement>> touching = new IdentityHashMap<>();
    for (Statement st : body.statements()) {
      for (Signal t : targets(st)) {
        touching.computeIfAbsent(t, k -> new ArrayList<>()).add(st);
      }
    }
    for (Signal s : body.allSignals()) {
      add(s);
    }
    for (Instance i : body.instances()) {
      for (Signal p : i.ports()) {
        add(p);
      }
    }
    for (Signal t : facts.assignedSignals()) {
      Driver d = new Driver(t, touching.getOrDefault(t, List.of()));
      if (t.kind() == SignalKind.REGISTER) {
        registers.add(d);
      } else {
        comb.add(d);
        deps.put(t, facts.combReads(t));
      }
    }
    for (Signal s : body.signals()) {
      if (s.kind() == SignalKind.REGISTER && facts.assignsTo(s).isEmpty() && s.reset() != null) {
        registers.add(new Driver(s, List.of()));
      }
    }
    for (Instance i : body.instances()) {
      // an instance of a shared definition (or a body met before) gets signals of its own: one
      // value per signal here
      boolean own = i.ownsBody() && collected.add(i.body());
      collect(own ? i.body() : PrivateBodyCopy.of(i).body(), comb, deps);
    }
  }

  /** The signals a statement can assign, through every branch of nested switches. */
  public static Set<Signal> targets(Statement s) {
    Set<Signal> out = Collections.newSetFromMap(new IdentityHashMap<>());
    s.accept(
        new StatementVisitor<Void>() {
          @Override
          public Void visitAssign(Assign a) {
            out.add(a.target());
            return null;
          }

          @Override
          public Void visitSwitch(Switch sw) {
            for (Switch.Branch b : sw.branches()) {
              b.body().forEach(c -> out.addAll(targets(c)));
            }
            sw.otherwise().forEach(c -> out.addAll(targets(c)));
            return null;
          }
        });
    return out;
  }

  /** Kahn's algorithm over combinational drivers (the checks guarantee there is no loop). */
  private void order(List<Driver> comb, Map<Signal, Set<Signal>> deps) {
    Map<Signal, Driver> byTarget = new IdentityHashMap<>();
    for (Driver d : comb) {
      byTarget.put(d.target(), d);
    }
    Map<Signal, Integer> pending = new IdentityHashMap<>();
    Map<Signal, List<Signal>> users = new IdentityHashMap<>();
    for (Driver d : comb) {
      int n = 0;
      for (Signal r : deps.get(d.target())) {
        if (byTarget.containsKey(r) && r != d.target()) {
          n++;
          users.computeIfAbsent(r, k -> new ArrayList<>()).add(d.target());
        }
      }
      pending.put(d.target(), n);
    }
    ArrayDeque<Signal> ready = new ArrayDeque<>();
    for (Driver d : comb) {
      if (pending.get(d.target()) == 0) {
        ready.add(d.target());
      }
    }
    while (!ready.isEmpty()) {
      Signal s = ready.poll();
      combOrder.add(byTarget.get(s));
      for (Signal u : users.getOrDefault(s, List.of())) {
        if (pending.merge(u, -1, Integer::sum) == 0) {
          ready.add(u);
        }
      }
    }
    if (combOrder.size() != comb.size()) {
      throw new IllegalStateException("combinational loop: the design was not checked");
    }
  }
}

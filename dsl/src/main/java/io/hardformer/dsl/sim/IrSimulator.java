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
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A cycle-accurate, two-state interpreter of an elaborated design with the semantics of the emitted
 * Verilog and of the native harness: inputs are poked, combinational logic settles (in dependency
 * order across the whole hierarchy), {@link #step()} is one rising clock edge. Registers start at 0
 * (as Verilator with {@code --x-initial 0}); {@code rst} high loads reset values. No Verilator
 * needed: a second backend for tests and the reference of the differential fuzzer.
 */
public final class IrSimulator {
  private final Map<String, Signal> inputs = new LinkedHashMap<>();
  private final Map<String, Signal> outputs = new LinkedHashMap<>();
  private final Map<Signal, BigInteger> values = new IdentityHashMap<>();
  private final List<Driver> combOrder = new ArrayList<>();
  private final List<Driver> registers = new ArrayList<>();
  private final java.util.Set<ModuleBody> collected =
      java.util.Collections.newSetFromMap(new IdentityHashMap<>());
  private final ExprEvaluator evaluator = new ExprEvaluator(this::value);
  private boolean reset;
  private boolean settled;
  private long cycle;

  /** A signal with the statements of its module body that can assign it. */
  private record Driver(Signal target, List<Statement> statements) {}

  public IrSimulator(Design design) {
    ModuleBody top = design.top().body();
    for (Signal p : top.ports()) {
      (p.kind() == SignalKind.INPUT ? inputs : outputs).put(p.name(), p);
    }
    List<Driver> comb = new ArrayList<>();
    Map<Signal, java.util.Set<Signal>> deps = new IdentityHashMap<>();
    collected.add(top);
    collect(top, comb, deps);
    order(comb, deps);
  }

  private void collect(
      ModuleBody body, List<Driver> comb, Map<Signal, java.util.Set<Signal>> deps) {
    BodyFacts facts = BodyFacts.of(body);
    Map<Signal, List<Statement>> touching = new IdentityHashMap<>();
    for (Statement st : body.statements()) {
      for (Signal t : targets(st)) {
        touching.computeIfAbsent(t, k -> new ArrayList<>()).add(st);
      }
    }
    for (Signal s : body.allSignals()) {
      values.put(s, BigInteger.ZERO);
    }
    for (Instance i : body.instances()) {
      for (Signal p : i.ports()) {
        values.put(p, BigInteger.ZERO);
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

  private static java.util.Set<Signal> targets(Statement s) {
    java.util.Set<Signal> out = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
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
  private void order(List<Driver> comb, Map<Signal, java.util.Set<Signal>> deps) {
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

  private BigInteger value(Signal s) {
    BigInteger v = values.get(s);
    if (v == null) {
      throw new IllegalStateException("no value for " + s);
    }
    return v;
  }

  public void poke(String input, BigInteger value) {
    if (input.equals("rst")) {
      reset = value.signum() != 0;
      return;
    }
    Signal s = inputs.get(input);
    if (s == null) {
      throw new IllegalArgumentException("no input '" + input + "'; inputs: " + inputs.keySet());
    }
    if (value.signum() < 0 || value.bitLength() > s.width()) {
      throw new IllegalArgumentException(
          "value " + value + " does not fit input '" + input + "' (" + s.width() + " bits)");
    }
    values.put(s, value);
    settled = false;
  }

  public BigInteger peek(String output) {
    Signal s = outputs.get(output);
    if (s == null) {
      throw new IllegalArgumentException(
          "no output '" + output + "'; outputs: " + outputs.keySet());
    }
    settle();
    return values.get(s);
  }

  /**
   * One rising clock edge: every register takes its next value (or its reset value while rst is
   * high).
   */
  public void step() {
    settle();
    Map<Signal, BigInteger> next = new HashMap<>();
    for (Driver d : registers) {
      Signal r = d.target();
      if (reset && r.reset() != null) {
        next.put(r, ExprEvaluator.trim(r.reset(), r.width()));
      } else {
        BigInteger[] v = {values.get(r)};
        run(d.statements(), r, v);
        next.put(r, v[0]);
      }
    }
    values.putAll(next);
    cycle++;
    settled = false;
  }

  public long cycle() {
    return cycle;
  }

  private void settle() {
    if (settled) {
      return;
    }
    for (Driver d : combOrder) {
      BigInteger[] v = {BigInteger.ZERO};
      run(d.statements(), d.target(), v);
      values.put(d.target(), v[0]);
    }
    settled = true;
  }

  /** Executes the statements for one target: last assignment on the taken path wins. */
  private void run(List<Statement> statements, Signal target, BigInteger[] value) {
    StatementVisitor<Void> runner =
        new StatementVisitor<>() {
          @Override
          public Void visitAssign(Assign a) {
            if (a.target() == target) {
              value[0] = evaluator.eval(a.value());
            }
            return null;
          }

          @Override
          public Void visitSwitch(Switch sw) {
            for (Switch.Branch b : sw.branches()) {
              if (evaluator.eval(b.condition()).signum() != 0) {
                run(b.body(), target, value);
                return null;
              }
            }
            run(sw.otherwise(), target, value);
            return null;
          }
        };
    for (Statement s : statements) {
      s.accept(runner);
    }
  }
}

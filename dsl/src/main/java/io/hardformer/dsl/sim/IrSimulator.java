package io.hardformer.dsl.sim;

import io.hardformer.dsl.elaborate.Design;
import io.hardformer.dsl.ir.Assign;
import io.hardformer.dsl.ir.Signal;
import io.hardformer.dsl.ir.Statement;
import io.hardformer.dsl.ir.StatementVisitor;
import io.hardformer.dsl.ir.Switch;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * A cycle-accurate, two-state interpreter of an elaborated design with the semantics of the emitted
 * Verilog and of the native harness: inputs are poked, combinational logic settles (in dependency
 * order across the whole hierarchy), {@link #step()} is one rising clock edge. Registers start at 0
 * (as Verilator with {@code --x-initial 0}); {@code rst} high loads reset values. No Verilator
 * needed: a second backend for tests and the reference of the differential fuzzer.
 */
public final class IrSimulator implements CycleSimulator {
  private final Map<String, Signal> inputs;
  private final Map<String, Signal> outputs;
  private final Map<Signal, BigInteger> values = new IdentityHashMap<>();
  private final List<SimulationSchedule.Driver> combOrder;
  private final List<SimulationSchedule.Driver> registers;
  private final ExprEvaluator evaluator = new ExprEvaluator(this::value);
  private boolean reset;
  private boolean settled;
  private long cycle;

  public IrSimulator(Design design) {
    SimulationSchedule schedule = new SimulationSchedule(design);
    inputs = schedule.inputs;
    outputs = schedule.outputs;
    combOrder = schedule.combOrder;
    registers = schedule.registers;
    for (Signal s : schedule.signals) {
      values.put(s, BigInteger.ZERO);
    }
  }

  private BigInteger value(Signal s) {
    BigInteger v = values.get(s);
    if (v == null) {
      throw new IllegalStateException("no value for " + s);
    }
    return v;
  }

  @Override
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

  @Override
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
  @Override
  public void step() {
    settle();
    Map<Signal, BigInteger> next = new HashMap<>();
    for (SimulationSchedule.Driver d : registers) {
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

  @Override
  public long cycle() {
    return cycle;
  }

  private void settle() {
    if (settled) {
      return;
    }
    for (SimulationSchedule.Driver d : combOrder) {
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

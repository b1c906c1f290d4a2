package io.hardformer.dsl;

import io.hardformer.dsl.ir.Expr;
import io.hardformer.dsl.ir.Signal;
import io.hardformer.dsl.ir.SignalRef;
import io.hardformer.dsl.ir.SourceLocation;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * One instance of a {@link Definition} inside its parent (Chisel's {@code Instance}). Its ports are
 * reached by naming the definition's field: {@code cell.port(c -> c.xIn)} is this instance's {@code
 * xIn}, of the same type and width, driven with {@code assign} and read like any value of the
 * parent. Only ports can be selected; an internal wire or an operator result fails at the call.
 *
 * @param <M> the module class of the definition
 */
public final class Instance<M extends Module> {
  private final String name;
  private final Definition<M> definition;
  private final Module parent;
  private final List<Signal> ports;

  Instance(String name, Definition<M> definition, Module parent, List<Signal> ports) {
    this.name = name;
    this.definition = definition;
    this.parent = parent;
    this.ports = List.copyOf(ports);
  }

  /** The instance name in the parent (the Verilog instance name). */
  public String name() {
    return name;
  }

  public Definition<M> definition() {
    return definition;
  }

  /**
   * This instance's port for the definition's port field {@code select} picks: {@code cell.port(c
   * -> c.hold)}. Inputs are driven with {@code assign}, outputs are read.
   */
  public <T extends Data<T>> T port(Function<M, T> select) {
    T field = select.apply(definition.module());
    SignalRef ref = mine(field == null ? null : field.expr, "port");
    return field.type().wrap(parent, ref);
  }

  /** This instance's bundle port (every leaf mapped): {@code unit.bundle(u -> u.result)}. */
  public <B extends Bundle<B>> B bundle(Function<M, B> select) {
    B field = select.apply(definition.module());
    if (field == null) {
      mine(null, "bundle");
    }
    List<Expr> leaves = new ArrayList<>();
    for (Data<?> leaf : field.leaves()) {
      leaves.add(mine(leaf.expr, "bundle"));
    }
    return field.type().fromLeaves(parent, leaves);
  }

  private SignalRef mine(Expr selected, String call) {
    int k =
        selected instanceof SignalRef ? definition.indexOf(((SignalRef) selected).signal()) : -1;
    if (k < 0) {
      SourceLocation loc = Locations.capture();
      throw new HardwareMisuseException(
          loc,
          "instance '"
              + name
              + "': "
              + call
              + "(...) selected "
              + (selected == null
                  ? "null"
                  : "a value that is not a port of " + definition.kindName())
              + "; select one of its in(...)/out(...) fields, e.g. "
              + name
              + "."
              + call
              + "(m -> m.<port field>)");
    }
    Signal p = ports.get(k);
    // the port's declaration line, as a value read through the child module object has
    return new SignalRef(p, ((SignalRef) selected).location());
  }

  @Override
  public String toString() {
    return "Instance[" + name + ": " + definition.kindName() + "]";
  }
}

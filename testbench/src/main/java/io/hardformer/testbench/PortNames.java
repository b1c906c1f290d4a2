package io.hardformer.testbench;

import io.hardformer.dsl.Bundle;
import io.hardformer.dsl.Data;
import io.hardformer.dsl.Stream;
import io.hardformer.dsl.Valid;
import io.hardformer.dsl.ir.SignalRef;
import io.hardformer.rtl.EmittedDesign;
import java.util.ArrayList;
import java.util.List;

/** The emitted port names of a top module's DSL ports, bundles and valid/stream interfaces. */
final class PortNames {
  private final EmittedDesign design;

  PortNames(EmittedDesign design) {
    this.design = design;
  }

  /** The port name of {@code port}, a port of the top module. */
  String of(Data<?> port) {
    if (!(port.expr() instanceof SignalRef ref)) {
      throw new IllegalArgumentException(
          port
              + " is not a port of "
              + design.top()
              + ": it is the result of an operator; pass the DUT's port field");
    }
    return design.portName(ref.signal());
  }

  /** The port names of every leaf of {@code bundle}, in declaration order. */
  List<String> of(Bundle<?> bundle) {
    List<String> names = new ArrayList<>();
    for (Data<?> leaf : bundle.leaves()) {
      names.add(of(leaf));
    }
    return names;
  }

  /**
   * The data ports of an interface as a stream run sees them: payload fields, then first, then
   * last.
   */
  String[] data(Valid<?> port) {
    List<String> names = of(port.payload());
    if (port.hasFirst()) {
      names.add(of(port.first()));
    }
    if (port.hasLast()) {
      names.add(of(port.last()));
    }
    return names.toArray(new String[0]);
  }

  /** The ready port, or null for a valid-only interface. */
  String ready(Valid<?> port) {
    return port instanceof Stream<?> s ? of(s.ready()) : null;
  }
}

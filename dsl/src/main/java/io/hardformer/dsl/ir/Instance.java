package io.hardformer.dsl.ir;

import java.util.List;

/**
 * A named instance of a child module inside its parent, with the child's frozen body.
 *
 * <p>{@code ports} are the signals the parent reads and drives for this instance, in the order of
 * {@code body.ports()}. For a module adopted with {@code instance(name, child)} they are the body's
 * own ports. For an instance of a {@code Definition} the body is shared by every instance of that
 * definition, so each instance has port signals of its own (same names, kinds, types and widths, in
 * a scope of their own): the parent's statements name which instance they connect.
 */
public record Instance(String name, ModuleBody body, SourceLocation location, List<Signal> ports) {
  public Instance {
    ports = List.copyOf(ports);
    if (ports.size() != body.ports().size()) {
      throw new IllegalArgumentException(
          "instance " + name + " has " + ports.size() + " ports, its body " + body.ports().size());
    }
  }

  /** An instance whose ports are its body's own ports (the body belongs to this instance only). */
  public Instance(String name, ModuleBody body, SourceLocation location) {
    this(name, body, location, body.ports());
  }

  /** The scope of this instance's port signals (the body's scope unless it is shared). */
  public Scope portScope() {
    return ports.isEmpty() ? body.scope() : ports.get(0).scope();
  }

  /** True when the ports are the body's own (not an instance of a shared definition). */
  public boolean ownsBody() {
    return ports.equals(body.ports());
  }
}

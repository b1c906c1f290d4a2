package io.hardformer.rtl.view;

import java.util.List;

/** A module instance with its named port connections. */
public record InstanceView(
    String module, String name, String comment, List<Connection> connections) {
  public InstanceView {
    connections = List.copyOf(connections);
  }

  /** {@code .port(signal)}. */
  public record Connection(String port, String signal) {}
}

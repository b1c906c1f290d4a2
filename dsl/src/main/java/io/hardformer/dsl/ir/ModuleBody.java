package io.hardformer.dsl.ir;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The frozen content of one constructed module: its ports and internal signals in creation order,
 * child instances, body statements, parameters and declared timing. Immutable.
 *
 * @param kindName the module kind, by default the Java class name; instances of one kind with
 *     identical structure share one Verilog module
 * @param parameters constructor parameters worth recording (names, manifest), in declaration order
 * @param timing declared latency and initiation interval, or null when the module declares none
 */
public record ModuleBody(
    Scope scope,
    String kindName,
    SourceLocation location,
    Map<String, String> parameters,
    List<Signal> ports,
    List<Signal> signals,
    List<Instance> instances,
    List<Statement> statements,
    Timing timing) {
  public ModuleBody {
    parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    ports = List.copyOf(ports);
    signals = List.copyOf(signals);
    instances = List.copyOf(instances);
    statements = List.copyOf(statements);
  }

  /** Ports then internal signals, in creation order. */
  public List<Signal> allSignals() {
    List<Signal> all = new ArrayList<>(ports.size() + signals.size());
    all.addAll(ports);
    all.addAll(signals);
    return all;
  }

  /** True when this module or any module below it has a register (and so needs clk and rst). */
  public boolean isClocked() {
    for (Signal s : signals) {
      if (s.kind() == SignalKind.REGISTER) {
        return true;
      }
    }
    for (Instance i : instances) {
      if (i.body().isClocked()) {
        return true;
      }
    }
    return false;
  }
}

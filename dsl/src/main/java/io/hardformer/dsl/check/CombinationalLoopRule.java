package io.hardformer.dsl.check;

import io.hardformer.dsl.diagnostic.Diagnostic;
import io.hardformer.dsl.diagnostic.Severity;
import io.hardformer.dsl.ir.Assign;
import io.hardformer.dsl.ir.Instance;
import io.hardformer.dsl.ir.ModuleBody;
import io.hardformer.dsl.ir.Signal;
import io.hardformer.dsl.ir.SignalKind;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * COMBINATIONAL LOOP: a signal that depends combinationally on itself, through wires, outputs and
 * through child instances (whose input-to-output combinational paths are computed bottom-up).
 * Registers break loops. The whole cycle is printed, one hop per line with its location.
 */
final class CombinationalLoopRule implements Rule {
  private final Map<ModuleBody, Map<Signal, Set<Signal>>> throughPaths = new IdentityHashMap<>();
  private final Map<ModuleBody, Map<Signal, Integer>> portIndexes = new IdentityHashMap<>();

  @Override
  public String id() {
    return "COMBINATIONAL LOOP";
  }

  @Override
  public Severity defaultSeverity() {
    return Severity.ERROR;
  }

  @Override
  public String summary() {
    return "no signal depends combinationally on itself; put a register in the loop";
  }

  @Override
  public void check(ModuleBody body, BodyFacts facts, CheckRun run, Findings findings) {
    Map<Signal, Set<Signal>> graph = graph(body, facts, run);
    Map<Signal, Integer> state = new IdentityHashMap<>();
    Set<String> reported = new HashSet<>();
    CycleSink sink = cycle -> report(cycle, facts, body, findings, reported);
    List<Signal> stackNodes = new ArrayList<>();
    List<java.util.Iterator<Signal>> stackIters = new ArrayList<>();
    for (Signal start : graph.keySet()) {
      dfs(start, graph, state, sink, stackNodes, stackIters);
    }
  }

  private interface CycleSink {
    void found(List<Signal> cycle);
  }

  /**
   * Iterative DFS (designs may have very long combinational chains) on the caller's two stacks,
   * which are empty on entry and on return.
   */
  private static void dfs(
      Signal s,
      Map<Signal, Set<Signal>> graph,
      Map<Signal, Integer> state,
      CycleSink sink,
      List<Signal> stackNodes,
      List<java.util.Iterator<Signal>> stackIters) {
    if (state.getOrDefault(s, 0) != 0) {
      return;
    }
    state.put(s, 1);
    stackNodes.add(s);
    stackIters.add(graph.getOrDefault(s, Set.of()).iterator());
    while (!stackNodes.isEmpty()) {
      int top = stackNodes.size() - 1;
      java.util.Iterator<Signal> it = stackIters.get(top);
      if (it.hasNext()) {
        Signal next = it.next();
        int st = state.getOrDefault(next, 0);
        if (st == 1) {
          int from = stackNodes.indexOf(next);
          sink.found(new ArrayList<>(stackNodes.subList(from, stackNodes.size())));
        } else if (st == 0) {
          state.put(next, 1);
          stackNodes.add(next);
          stackIters.add(graph.getOrDefault(next, Set.of()).iterator());
        }
      } else {
        state.put(stackNodes.get(top), 2);
        stackNodes.remove(top);
        stackIters.remove(top);
      }
    }
  }

  private static void report(
      List<Signal> cycle,
      BodyFacts facts,
      ModuleBody body,
      Findings findings,
      Set<String> reported) {
    // edges point from a signal to what it reads, so reverse for the data-flow order
    List<Signal> flow = new ArrayList<>(cycle);
    java.util.Collections.reverse(flow);
    for (int k = 0; k < flow.size(); k++) { // start at a hop this module drives itself
      if (!facts.assignsTo(flow.get(0)).isEmpty()) {
        break;
      }
      java.util.Collections.rotate(flow, -1);
    }
    StringBuilder names = new StringBuilder();
    List<Diagnostic.Related> hops = new ArrayList<>();
    List<String> sortedKey = new ArrayList<>();
    for (Signal s : flow) {
      names.append(s.name()).append(" -> ");
      sortedKey.add(s.name() + "@" + System.identityHashCode(s));
      List<Assign> drivers = facts.assignsTo(s);
      String how =
          drivers.isEmpty()
              ? "'" + s.name() + "' driven through a child instance"
              : "'" + s.name() + "' assigned";
      hops.add(
          new Diagnostic.Related(
              how, drivers.isEmpty() ? s.location() : drivers.get(0).location()));
    }
    names.append(flow.get(0).name());
    java.util.Collections.sort(sortedKey);
    if (!reported.add(String.join(",", sortedKey))) {
      return;
    }
    List<Assign> first = facts.assignsTo(flow.get(0));
    findings.report(
        first.isEmpty() ? flow.get(0).location() : first.get(0).location(),
        "combinational loop in " + body.kindName() + ": " + names,
        "break the loop with a register, or compute one of these signals without the others",
        hops);
  }

  /**
   * Edges: driven signal -> signals it reads combinationally (including through child instances).
   */
  private Map<Signal, Set<Signal>> graph(ModuleBody body, BodyFacts facts, CheckRun run) {
    Map<Signal, Set<Signal>> g = new LinkedHashMap<>();
    for (Signal t : facts.assignedSignals()) {
      if (t.kind() == SignalKind.REGISTER) {
        continue;
      }
      Set<Signal> reads = facts.combReads(t);
      Set<Signal> deps = new LinkedHashSet<>(Math.max(4, reads.size() * 2));
      for (Signal r : reads) {
        if (r.kind() != SignalKind.REGISTER) {
          deps.add(r);
        }
      }
      g.put(t, deps);
    }
    for (Instance i : body.instances()) {
      Map<Signal, Set<Signal>> through = through(i.body(), run);
      // through() is keyed by the representative body's ports: map them by position to this
      // instance
      Map<Signal, Integer> repIndex = portIndex(run.canonical(i.body()));
      List<Signal> myPorts = i.ports();
      for (Map.Entry<Signal, Set<Signal>> e : through.entrySet()) {
        Set<Signal> deps =
            g.computeIfAbsent(mine(e.getKey(), repIndex, myPorts), k -> new LinkedHashSet<>(4));
        for (Signal in : e.getValue()) {
          deps.add(mine(in, repIndex, myPorts));
        }
      }
    }
    return g;
  }

  /** The position of each port of {@code rep}, computed once per representative body. */
  private Map<Signal, Integer> portIndex(ModuleBody rep) {
    return portIndexes.computeIfAbsent(
        rep,
        r -> {
          Map<Signal, Integer> index = new IdentityHashMap<>();
          for (Signal p : r.ports()) {
            index.put(p, index.size());
          }
          return index;
        });
  }

  /** The port of an instance at the position {@code repPort} has in the representative body. */
  private static Signal mine(Signal repPort, Map<Signal, Integer> repIndex, List<Signal> myPorts) {
    Integer k = repIndex.get(repPort);
    return k == null || k >= myPorts.size() ? null : myPorts.get(k);
  }

  /** For each output of {@code child}: the inputs it depends on combinationally. */
  private Map<Signal, Set<Signal>> through(ModuleBody child, CheckRun run) {
    ModuleBody rep = run.canonical(child);
    Map<Signal, Set<Signal>> cached = throughPaths.get(rep);
    if (cached != null) {
      return cached;
    }
    Map<Signal, Set<Signal>> g = graph(rep, run.facts(rep), run);
    Map<Signal, Set<Signal>> result = new LinkedHashMap<>();
    for (Signal p : rep.ports()) {
      if (p.kind() != SignalKind.OUTPUT) {
        continue;
      }
      Set<Signal> inputs = new LinkedHashSet<>();
      Set<Signal> seen = new HashSet<>();
      List<Signal> work = new ArrayList<>(List.of(p));
      while (!work.isEmpty()) {
        Signal s = work.remove(work.size() - 1);
        if (!seen.add(s)) {
          continue;
        }
        if (s.kind() == SignalKind.INPUT && s.scope() == rep.scope()) {
          inputs.add(s);
        }
        work.addAll(g.getOrDefault(s, Set.of()));
      }
      result.put(p, inputs);
    }
    throughPaths.put(rep, result);
    return result;
  }
}

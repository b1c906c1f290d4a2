package io.hardformer.dsl.check;

import io.hardformer.dsl.diagnostic.Severity;
import io.hardformer.dsl.ir.Assign;
import io.hardformer.dsl.ir.Instance;
import io.hardformer.dsl.ir.ModuleBody;
import io.hardformer.dsl.ir.Scope;
import io.hardformer.dsl.ir.Signal;
import io.hardformer.dsl.ir.SourceLocation;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * FOREIGN SIGNAL: a module reads or drives a signal that is neither its own nor a port of one of
 * its direct children (a child's internal wire, a grandchild's port, another module's signal).
 */
final class ForeignSignalRule implements Rule {
  @Override
  public String id() {
    return "FOREIGN SIGNAL";
  }

  @Override
  public Severity defaultSeverity() {
    return Severity.ERROR;
  }

  @Override
  public String summary() {
    return "a module uses only its own signals and the ports of its direct children";
  }

  @Override
  public void check(ModuleBody body, BodyFacts facts, CheckRun run, Findings findings) {
    // by the scope of their port signals (a shared definition's instances each have their own),
    // and by their body's scope, for naming whose internal signal a foreign read is
    Map<Scope, Instance> children = new IdentityHashMap<>();
    Map<Scope, Instance> bodies = new IdentityHashMap<>();
    for (Instance i : body.instances()) {
      children.put(i.portScope(), i);
      bodies.putIfAbsent(i.body().scope(), i);
    }
    java.util.Set<Signal> reported = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    for (BodyFacts.Read r : facts.reads()) {
      if (reported.add(r.signal())) {
        verify(body, children, bodies, r.signal(), r.location(), "reads", findings);
      }
    }
    for (Signal t : facts.assignedSignals()) {
      for (Assign a : facts.assignsTo(t)) {
        verify(body, children, bodies, t, a.location(), "drives", findings);
      }
    }
  }

  private static void verify(
      ModuleBody body,
      Map<Scope, Instance> children,
      Map<Scope, Instance> bodies,
      Signal s,
      SourceLocation at,
      String verb,
      Findings findings) {
    if (s.scope() == body.scope()) {
      return;
    }
    Instance child = children.get(s.scope());
    if (child != null && s.kind().isPort()) {
      return;
    }
    if (child == null) {
      child = bodies.get(s.scope());
      if (child != null && !child.ownsBody() && s.kind().isPort()) {
        findings.report(
            at,
            body.kindName()
                + " "
                + verb
                + " '"
                + s.name()
                + "' of the definition of "
                + child.body().kindName()
                + " (definition.module()), which belongs to no single instance",
            "use one instance's port: " + child.name() + ".port(m -> m.<field>)");
        return;
      }
    }
    String whose =
        child != null
            ? "internal " + s.kind().name().toLowerCase() + " of instance '" + child.name() + "'"
            : "a signal of another module (" + s.scope().kindName() + ")";
    findings.report(
        at,
        body.kindName() + " " + verb + " '" + s.name() + "', " + whose,
        child != null
            ? "expose it as an output port of " + child.body().kindName()
            : "pass the value through ports of the modules in between");
  }
}

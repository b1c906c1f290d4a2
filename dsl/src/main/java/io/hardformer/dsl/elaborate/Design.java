package io.hardformer.dsl.elaborate;

import io.hardformer.dsl.diagnostic.Diagnostic;
import io.hardformer.dsl.ir.ModuleBody;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * An elaborated, checked design: the distinct modules, children before parents (top last), and the
 * warnings the rules produced. Any instance's body maps to its module through {@link #defOf}.
 */
public final class Design {
  private final List<ModuleDef> modules;
  private final Map<ModuleBody, ModuleDef> byBody;
  private final List<Diagnostic> warnings;

  Design(
      List<ModuleDef> modules,
      IdentityHashMap<ModuleBody, ModuleDef> byBody,
      List<Diagnostic> warnings) {
    this.modules = List.copyOf(modules);
    this.byBody = byBody;
    this.warnings = List.copyOf(warnings);
  }

  public ModuleDef top() {
    return modules.get(modules.size() - 1);
  }

  /** Distinct modules, children before parents, top last. */
  public List<ModuleDef> modules() {
    return modules;
  }

  /** The module definition of any body in the design (an instance's or a representative). */
  public ModuleDef defOf(ModuleBody body) {
    ModuleDef d = byBody.get(body);
    if (d == null) {
      throw new IllegalArgumentException("body is not part of this design: " + body.kindName());
    }
    return d;
  }

  public List<Diagnostic> warnings() {
    return warnings;
  }
}

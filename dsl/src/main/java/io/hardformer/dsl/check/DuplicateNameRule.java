package io.hardformer.dsl.check;

import io.hardformer.dsl.diagnostic.Diagnostic;
import io.hardformer.dsl.diagnostic.Severity;
import io.hardformer.dsl.ir.Instance;
import io.hardformer.dsl.ir.ModuleBody;
import io.hardformer.dsl.ir.Signal;
import io.hardformer.dsl.ir.SourceLocation;
import java.util.HashMap;
import java.util.Map;

/** DUPLICATE NAME: two signals or instances of one module share a name, or a port takes clk/rst. */
final class DuplicateNameRule implements Rule {
  @Override
  public String id() {
    return "DUPLICATE NAME";
  }

  @Override
  public Severity defaultSeverity() {
    return Severity.ERROR;
  }

  @Override
  public String summary() {
    return "signal and instance names are unique within a module; clk and rst are the implicit clock and reset";
  }

  @Override
  public void check(ModuleBody body, BodyFacts facts, CheckRun run, Findings findings) {
    Map<String, SourceLocation> seen = new HashMap<>();
    boolean clocked = body.isClocked();
    for (Signal s : body.allSignals()) {
      if (clocked && (s.name().equals("clk") || s.name().equals("rst"))) {
        findings.report(
            s.location(),
            "'"
                + s.name()
                + "' is the implicit "
                + (s.name().equals("clk") ? "clock" : "reset")
                + " of every clocked module",
            "rename the signal");
      }
      if (!s.renamable()) { // .named(...) values are made unique by the emitter
        claim(seen, s.name(), s.location(), "signal", findings);
      }
    }
    for (Instance i : body.instances()) {
      claim(seen, i.name(), i.location(), "instance", findings);
    }
  }

  private static void claim(
      Map<String, SourceLocation> seen,
      String name,
      SourceLocation at,
      String what,
      Findings findings) {
    SourceLocation first = seen.putIfAbsent(name, at);
    if (first != null) {
      findings.report(
          at,
          what + " name '" + name + "' is already used in this module",
          "give each signal and instance its own name",
          new Diagnostic.Related("first used here", first));
    }
  }
}

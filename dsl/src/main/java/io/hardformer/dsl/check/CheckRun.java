package io.hardformer.dsl.check;

import io.hardformer.dsl.diagnostic.Diagnostic;
import io.hardformer.dsl.diagnostic.Severity;
import io.hardformer.dsl.ir.ModuleBody;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * One run of the rules over the distinct module bodies of a design. Holds what rules share: the
 * facts of each body (computed once), the map from any instance's body to the representative body
 * of its structure, and per-run severity overrides by rule id ({@code Optional.empty()} turns a
 * rule off).
 */
public final class CheckRun {
  private final UnaryOperator<ModuleBody> canonical;
  private final Map<String, Optional<Severity>> overrides;
  private final Map<ModuleBody, BodyFacts> facts = new IdentityHashMap<>();
  private final List<Rule> rules = Rules.builtIn();
  private final List<Diagnostic> diagnostics = new ArrayList<>();

  public CheckRun(UnaryOperator<ModuleBody> canonical, Map<String, Optional<Severity>> overrides) {
    this.canonical = canonical;
    this.overrides = Map.copyOf(overrides);
  }

  /** The facts of the representative of {@code body}'s structure. */
  public BodyFacts facts(ModuleBody body) {
    return facts.computeIfAbsent(canonical.apply(body), BodyFacts::of);
  }

  public ModuleBody canonical(ModuleBody body) {
    return canonical.apply(body);
  }

  /** Runs every enabled rule on {@code body} (a representative body), collecting diagnostics. */
  public void check(ModuleBody body) {
    BodyFacts f = facts(body);
    for (Rule r : rules) {
      Optional<Severity> sev = overrides.getOrDefault(r.id(), Optional.of(r.defaultSeverity()));
      if (sev.isPresent()) {
        r.check(body, f, this, new Findings(r.id(), sev.get(), diagnostics));
      }
    }
  }

  public List<Diagnostic> diagnostics() {
    return List.copyOf(diagnostics);
  }

  /** The ids and summaries of the built-in rules, for documentation and {@code --help}. */
  public static List<String> describeRules() {
    List<String> out = new ArrayList<>();
    for (Rule r : Rules.builtIn()) {
      out.add(String.format("%-18s %-7s %s", r.id(), r.defaultSeverity(), r.summary()));
    }
    return out;
  }
}

package io.hardformer.dsl.elaborate;

import io.hardformer.dsl.diagnostic.Severity;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Per-run settings: severity overrides by rule id ({@code off}, {@code warn}, {@code error}). */
public final class ElaborationOptions {
  private final Map<String, Optional<Severity>> overrides = new HashMap<>();

  public static ElaborationOptions defaults() {
    return new ElaborationOptions();
  }

  public ElaborationOptions off(String ruleId) {
    overrides.put(ruleId, Optional.empty());
    return this;
  }

  public ElaborationOptions severity(String ruleId, Severity severity) {
    overrides.put(ruleId, Optional.of(severity));
    return this;
  }

  Map<String, Optional<Severity>> overrides() {
    return overrides;
  }
}

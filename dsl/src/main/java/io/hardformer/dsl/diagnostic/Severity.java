package io.hardformer.dsl.diagnostic;

/** How a diagnostic affects elaboration: errors stop it at the end of the pass, warnings do not. */
public enum Severity {
  ERROR,
  WARNING
}

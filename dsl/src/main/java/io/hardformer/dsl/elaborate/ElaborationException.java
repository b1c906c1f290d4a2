package io.hardformer.dsl.elaborate;

import io.hardformer.dsl.diagnostic.Diagnostic;
import java.util.List;

/**
 * Elaboration stopped: the design broke one or more rules. All findings of the pass are included.
 */
public final class ElaborationException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient List<Diagnostic> diagnostics;

  public ElaborationException(String top, List<Diagnostic> diagnostics) {
    super(render(top, diagnostics));
    this.diagnostics = List.copyOf(diagnostics);
  }

  public List<Diagnostic> diagnostics() {
    return diagnostics;
  }

  private static String render(String top, List<Diagnostic> diagnostics) {
    long errors = diagnostics.stream().filter(Diagnostic::isError).count();
    StringBuilder sb = new StringBuilder();
    sb.append("elaboration of ")
        .append(top)
        .append(" failed with ")
        .append(errors)
        .append(errors == 1 ? " error" : " errors");
    for (Diagnostic d : diagnostics) {
      sb.append('\n').append(d.render());
    }
    return sb.toString();
  }
}

package io.hardformer.generators.catalog;

/**
 * A parameter value outside what a generator accepts, thrown by the compact constructor of its
 * parameter record. The message names the option, the allowed values and the value given, as {@code
 * option '--rows' must be between 1 and 1024, got 0}.
 */
public final class BadParameterException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;
  private final String option;

  public BadParameterException(String option, String message) {
    super(message);
    this.option = option;
  }

  /** The option as typed on the command line, e.g. {@code --rows}. */
  public String option() {
    return option;
  }
}

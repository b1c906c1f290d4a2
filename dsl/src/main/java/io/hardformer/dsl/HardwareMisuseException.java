package io.hardformer.dsl;

import io.hardformer.dsl.ir.SourceLocation;

/**
 * A DSL call made in a way that can never be right (assigning a register with {@code assign},
 * building into a module that is already elaborated, ...). Thrown at the call, with the user's line
 * and the fix. Design-rule violations are not thrown: they are collected by elaboration.
 */
public final class HardwareMisuseException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final SourceLocation location;

  HardwareMisuseException(SourceLocation location, String message) {
    super(location + ": " + message);
    this.location = location;
  }

  public SourceLocation location() {
    return location;
  }
}

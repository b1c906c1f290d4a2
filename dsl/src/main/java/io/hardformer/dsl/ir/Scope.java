package io.hardformer.dsl.ir;

/**
 * The identity of one module instance under construction. Signals point at their scope, so checks
 * can tell "my signal" from "a port of my child" without the IR knowing about the builder classes.
 * Equality is identity.
 */
public final class Scope {
  private final String kindName;

  public Scope(String kindName) {
    this.kindName = kindName;
  }

  /** The module kind (its Java class name unless overridden), for messages. */
  public String kindName() {
    return kindName;
  }

  @Override
  public String toString() {
    return "Scope[" + kindName + "]";
  }
}

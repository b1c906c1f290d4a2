package io.hardformer.dsl.ir;

/** What a named signal is: a port of its module, a combinational wire, or a clocked register. */
public enum SignalKind {
  INPUT,
  OUTPUT,
  WIRE,
  REGISTER;

  public boolean isPort() {
    return this == INPUT || this == OUTPUT;
  }

  /**
   * True for signals whose value is computed combinationally inside the module that drives them.
   */
  public boolean isCombinational() {
    return this != REGISTER;
  }
}

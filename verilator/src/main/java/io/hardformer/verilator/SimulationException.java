package io.hardformer.verilator;

/** The native model crashed, exited early, or was asked for something it cannot do. */
public final class SimulationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public SimulationException(String message) {
    super(message);
  }
}

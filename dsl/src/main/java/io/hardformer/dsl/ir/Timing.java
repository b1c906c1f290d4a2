package io.hardformer.dsl.ir;

/**
 * The cycle contract a module declares: outputs follow inputs by {@code latency} cycles, and a new
 * input may be accepted every {@code initiationInterval} cycles.
 */
public record Timing(int latency, int initiationInterval) {
  public Timing {
    if (latency < 0) {
      throw new IllegalArgumentException("latency must be >= 0, got " + latency);
    }
    if (initiationInterval < 1) {
      throw new IllegalArgumentException(
          "initiation interval must be >= 1, got " + initiationInterval);
    }
  }
}

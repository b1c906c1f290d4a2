package io.hardformer.testbench;

/**
 * Where a testbench runs: the Verilated native model (default), the Java interpreter of the IR (no
 * Verilator, instant start, slow per cycle, no waveforms) or the IR compiled to JVM bytecode
 * ({@code JIT}: no Verilator, starts in well under a second, no waveforms). The system property
 * {@code hardformer.backend=java} (or {@code jit}, {@code verilator}) switches the default for a
 * whole run.
 */
public enum Backend {
  VERILATOR,
  JAVA,
  JIT,
  /**
   * Verilator when the design's model is already in the model cache, else the JIT: a first run of a
   * design that is not built yet costs the JIT's compile (well under a second to a few seconds)
   * instead of a Verilator build (15 s to minutes); docs/BENCHMARKS.md, "Java simulation backends".
   */
  AUTO;

  static Backend fromProperty() {
    String p = System.getProperty("hardformer.backend");
    return p == null || p.isBlank() ? VERILATOR : valueOf(p.strip().toUpperCase());
  }
}

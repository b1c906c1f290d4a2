package io.hardformer.testbench;

/**
 * Where a testbench runs: the Verilated native model (default) or the Java interpreter of the IR
 * (no Verilator, instant start, slower per cycle, no waveforms). The system property {@code
 * hardformer.backend=java} switches the default for a whole run.
 */
public enum Backend {
  VERILATOR,
  JAVA;

  static Backend fromProperty() {
    String p = System.getProperty("hardformer.backend");
    return p == null || p.isBlank() ? VERILATOR : valueOf(p.strip().toUpperCase());
  }
}

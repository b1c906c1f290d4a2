package io.hardformer.testbench;

import java.nio.file.Path;

/**
 * Settings of one testbench. Defaults: seed from the system property {@code hardformer.seed} when
 * set (to replay a failure), else a fixed seed derived from the top module's name, so CI runs are
 * deterministic; cycle limit 1,000,000 per stream run; waveforms of failures under {@code
 * target/hardformer-waves} (or {@code hardformer.waves}); backend Verilator unless {@code
 * hardformer.backend=java}.
 */
public record TestbenchOptions(Long seed, long cycleLimit, Path waveformDir, Backend backend) {
  public static TestbenchOptions defaults() {
    String seed = System.getProperty("hardformer.seed");
    String waves = System.getProperty("hardformer.waves");
    return new TestbenchOptions(
        seed == null || seed.isBlank() ? null : Long.decode(seed.strip()),
        1_000_000,
        Path.of(waves == null || waves.isBlank() ? "target/hardformer-waves" : waves),
        Backend.fromProperty());
  }

  public TestbenchOptions withSeed(long s) {
    return new TestbenchOptions(s, cycleLimit, waveformDir, backend);
  }

  public TestbenchOptions withCycleLimit(long limit) {
    return new TestbenchOptions(seed, limit, waveformDir, backend);
  }

  public TestbenchOptions withWaveformDir(Path dir) {
    return new TestbenchOptions(seed, cycleLimit, dir, backend);
  }

  public TestbenchOptions withBackend(Backend b) {
    return new TestbenchOptions(seed, cycleLimit, waveformDir, b);
  }
}

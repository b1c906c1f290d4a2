package io.hardformer.testbench;

import io.hardformer.verilator.BuildProfile;
import java.nio.file.Path;

/**
 * Settings of one testbench. Defaults: seed from the system property {@code hardformer.seed} when
 * set (to replay a failure), else a fixed seed derived from the top module's name, so CI runs are
 * deterministic; cycle limit 1,000,000 per stream run; waveforms of failures under {@code
 * target/hardformer-waves} (or {@code hardformer.waves}); backend Verilator unless {@code
 * hardformer.backend=java}; Verilator models built fast ({@link BuildProfile#BUILD_FAST}) from the
 * emitted modules (not from a folded simulation view: {@link #withFoldedView}).
 */
public record TestbenchOptions(
    Long seed,
    long cycleLimit,
    Path waveformDir,
    Backend backend,
    BuildProfile buildProfile,
    boolean foldedView) {
  public static TestbenchOptions defaults() {
    String seed = System.getProperty("hardformer.seed");
    String waves = System.getProperty("hardformer.waves");
    return new TestbenchOptions(
        seed == null || seed.isBlank() ? null : Long.decode(seed.strip()),
        1_000_000,
        Path.of(waves == null || waves.isBlank() ? "target/hardformer-waves" : waves),
        Backend.fromProperty(),
        BuildProfile.BUILD_FAST,
        false);
  }

  public TestbenchOptions withSeed(long s) {
    return new TestbenchOptions(s, cycleLimit, waveformDir, backend, buildProfile, foldedView);
  }

  public TestbenchOptions withCycleLimit(long limit) {
    return new TestbenchOptions(seed, limit, waveformDir, backend, buildProfile, foldedView);
  }

  public TestbenchOptions withWaveformDir(Path dir) {
    return new TestbenchOptions(seed, cycleLimit, dir, backend, buildProfile, foldedView);
  }

  public TestbenchOptions withBackend(Backend b) {
    return new TestbenchOptions(seed, cycleLimit, waveformDir, b, buildProfile, foldedView);
  }

  /** Verilator models built with {@code p}: {@link BuildProfile#RUN_FAST} for long simulations. */
  public TestbenchOptions withBuildProfile(BuildProfile p) {
    return new TestbenchOptions(seed, cycleLimit, waveformDir, backend, p, foldedView);
  }

  /**
   * Verilator models of a large array built from its folded simulation view ({@link
   * io.hardformer.rtl.VerilogEmitter#foldedView}): the design flattened, the instances of its most
   * repeated cell stepped by one loop, same ports and outputs in every cycle. Faster to run for
   * large arrays (docs/BENCHMARKS.md, "A folded view emitted from the IR"); from {@link
   * io.hardformer.rtl.VerilogEmitter#SPLIT_FROM} cells the loop runs on two threads ("Two
   * threads"). Waveforms then show the flattened view. Designs with nothing to fold build from
   * their modules as usual.
   */
  public TestbenchOptions withFoldedView(boolean fold) {
    return new TestbenchOptions(seed, cycleLimit, waveformDir, backend, buildProfile, fold);
  }
}

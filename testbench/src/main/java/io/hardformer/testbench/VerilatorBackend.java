package io.hardformer.testbench;

import io.hardformer.rtl.EmittedDesign;
import io.hardformer.verilator.BatchResult;
import io.hardformer.verilator.BuildProfile;
import io.hardformer.verilator.CompiledModel;
import io.hardformer.verilator.HarnessSpec;
import io.hardformer.verilator.ModelCache;
import io.hardformer.verilator.PortLayout;
import io.hardformer.verilator.SimulationProcess;
import io.hardformer.verilator.StreamRequest;
import io.hardformer.verilator.StreamResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The Verilated model from the cache, in its own process; waveforms by replay on a tracing build.
 */
final class VerilatorBackend implements SimulatorBackend {
  private static final AtomicInteger WAVE_COUNTER = new AtomicInteger();

  private final EmittedDesign design;
  private final HarnessSpec spec;
  private final ModelCache cache;
  private final Path waveformDir;
  private final SimulationProcess sim;

  VerilatorBackend(EmittedDesign design, HarnessSpec spec, Path waveformDir, BuildProfile profile) {
    this.design = design;
    this.spec = spec;
    this.cache = ModelCache.defaultCache();
    this.waveformDir = waveformDir;
    CompiledModel model = cache.get(design, spec, profile);
    this.sim = SimulationProcess.start(model, true);
  }

  @Override
  public void poke(PortLayout input, byte[] value) {
    sim.poke(input, value);
  }

  @Override
  public byte[] peek(PortLayout output) {
    return sim.peek(output);
  }

  @Override
  public void step(long cycles) {
    sim.step(cycles);
  }

  @Override
  public long cycle() {
    return sim.cycle();
  }

  @Override
  public BatchResult batch(byte[] inputFrames, int cycles, PortLayout valid) {
    return sim.batch(inputFrames, cycles, valid);
  }

  @Override
  public StreamResult stream(StreamRequest request) {
    return sim.stream(request);
  }

  @Override
  public String writeWaveform(long around) {
    byte[] stimulus = sim.recordedStimulus();
    if (stimulus == null) {
      return "(not written: the stimulus exceeded the replay buffer)";
    }
    try {
      Files.createDirectories(waveformDir);
      Path fst =
          waveformDir
              .resolve(
                  spec.top()
                      + "-"
                      + ProcessHandle.current().pid()
                      + "-"
                      + WAVE_COUNTER.incrementAndGet()
                      + ".fst")
              .toAbsolutePath();
      CompiledModel traced = cache.get(design, spec.withTrace(true));
      SimulationProcess.replayWithTrace(
          traced,
          stimulus,
          fst,
          Math.max(0, around - Testbench.WAVE_BEFORE),
          around + Testbench.WAVE_AFTER);
      return Files.exists(fst)
          ? fst.toString()
          : "(not written: the tracing model produced no file)";
    } catch (IOException | RuntimeException e) {
      return "(not written: " + e.getMessage() + ")";
    }
  }

  @Override
  public void close() {
    sim.close();
  }
}

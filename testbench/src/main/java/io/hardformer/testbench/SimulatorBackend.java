package io.hardformer.testbench;

import io.hardformer.verilator.BatchResult;
import io.hardformer.verilator.PortLayout;
import io.hardformer.verilator.StreamRequest;
import io.hardformer.verilator.StreamResult;

/** The operations a testbench needs from a simulator, with the native harness's cycle semantics. */
interface SimulatorBackend extends AutoCloseable {
  void poke(PortLayout input, byte[] value);

  byte[] peek(PortLayout output);

  void step(long cycles);

  long cycle();

  BatchResult batch(byte[] inputFrames, int cycles, PortLayout valid);

  StreamResult stream(StreamRequest request);

  /**
   * Writes a waveform of the cycles around {@code around}; returns its path or why there is none.
   */
  String writeWaveform(long around);

  @Override
  void close();
}

package io.hardformer.testbench;

import io.hardformer.dsl.Data;
import io.hardformer.verilator.HarnessSpec;
import io.hardformer.verilator.PortLayout;
import io.hardformer.verilator.PortValues;
import java.math.BigInteger;

/**
 * Input values for a batch of cycles, one frame per cycle, set by port name. Unset inputs are 0.
 * Built in memory and sent to the native model in one piece.
 */
public final class Stimulus {
  private final HarnessSpec spec;
  private final int cycles;
  private final byte[] frames;
  private final PortNames names;

  Stimulus(HarnessSpec spec, int cycles, PortNames names) {
    this.spec = spec;
    this.names = names;
    this.cycles = cycles;
    this.frames = new byte[Math.multiplyExact(cycles, spec.inputFrameBytes())];
  }

  public int cycles() {
    return cycles;
  }

  /** Sets input {@code port} in cycle {@code cycle} (relative to the batch start). */
  public Stimulus set(int cycle, String port, long value) {
    PortLayout p = spec.input(port);
    if (p.width() < 64 && (value < 0 || value >>> p.width() != 0)) {
      throw new IllegalArgumentException(
          "value " + value + " does not fit input '" + port + "' (" + p.width() + " bits)");
    }
    PortValues.encodeLong(value, p.bytes(), frames, cycle * spec.inputFrameBytes() + p.offset());
    return this;
  }

  public Stimulus set(int cycle, String port, BigInteger value) {
    PortLayout p = spec.input(port);
    byte[] b = PortValues.encode(value, p);
    System.arraycopy(b, 0, frames, cycle * spec.inputFrameBytes() + p.offset(), b.length);
    return this;
  }

  /** Sets input port {@code port} (the DUT's field) in cycle {@code cycle}. */
  public Stimulus set(int cycle, Data<?> port, long value) {
    return set(cycle, names.of(port), value);
  }

  public Stimulus set(int cycle, Data<?> port, BigInteger value) {
    return set(cycle, names.of(port), value);
  }

  /**
   * Sets input {@code port} from little-endian bytes (byte 0 = bits 7:0), e.g. packed FP8 lanes.
   */
  public Stimulus setBytes(int cycle, String port, byte[] littleEndian) {
    PortLayout p = spec.input(port);
    if (littleEndian.length != p.bytes()) {
      throw new IllegalArgumentException(
          "input '" + port + "' takes " + p.bytes() + " bytes, got " + littleEndian.length);
    }
    System.arraycopy(
        littleEndian, 0, frames, cycle * spec.inputFrameBytes() + p.offset(), littleEndian.length);
    return this;
  }

  /** Sets {@code port} to {@code value} in every cycle of the batch. */
  public Stimulus fill(String port, long value) {
    for (int c = 0; c < cycles; c++) {
      set(c, port, value);
    }
    return this;
  }

  byte[] frames() {
    return frames;
  }
}

package io.hardformer.verilator;

import java.math.BigInteger;
import java.util.List;

/**
 * Outputs of a batch run: one record per cycle (or per cycle where the chosen valid output was high),
 * each with the cycle it was sampled in and the output frame.
 */
public final class BatchResult {
  private final HarnessSpec spec;
  private final long[] cycles;
  private final byte[] frames;

  BatchResult(HarnessSpec spec, long[] cycles, byte[] frames) {
    this.spec = spec;
    this.cycles = cycles;
    this.frames = frames;
  }

  public int size() {
    return cycles.length;
  }

  public long cycle(int record) {
    return cycles[record];
  }

  /** Output {@code port} of record {@code record}, as an unsigned value. */
  public long getLong(int record, PortLayout port) {
    return PortValues.decodeLong(frames, record * spec.outputFrameBytes() + offset(port), port.bytes());
  }

  public BigInteger get(int record, PortLayout port) {
    return PortValues.decode(frames, record * spec.outputFrameBytes() + offset(port), port.bytes());
  }

  private int offset(PortLayout port) {
    int off = 0;
    List<PortLayout> outs = spec.outputs();
    for (int i = 0; i < port.index(); i++) {
      off += outs.get(i).bytes();
    }
    return off;
  }
}

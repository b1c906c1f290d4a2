package io.hardformer.verilator;

import java.math.BigInteger;

/**
 * Outputs of a batch run: one record per cycle (or per cycle where the chosen valid output was
 * high), each with the cycle it was sampled in and the output frame.
 */
public final class BatchResult {
  private final int count;
  private final int recordBytes;
  private final byte[] records;

  /**
   * {@code records}: {@code count} records of (u64 cycle, output frame), as the harness sent them.
   */
  public BatchResult(HarnessSpec spec, int count, byte[] records) {
    this.count = count;
    this.recordBytes = 8 + spec.outputFrameBytes();
    this.records = records;
  }

  public int size() {
    return count;
  }

  public long cycle(int record) {
    return PortValues.decodeLong(records, record * recordBytes, 8);
  }

  /** Output {@code port} of record {@code record}, as an unsigned value. */
  public long getLong(int record, PortLayout port) {
    return PortValues.decodeLong(records, record * recordBytes + 8 + port.offset(), port.bytes());
  }

  public BigInteger get(int record, PortLayout port) {
    return PortValues.decode(records, record * recordBytes + 8 + port.offset(), port.bytes());
  }
}

package io.hardformer.verilator;

import java.math.BigInteger;

/**
 * What a stream run observed: the cycle each input transaction was accepted in, and each output
 * transaction with its cycle and data (sink data ports in order). {@link #hitCycleLimit()} tells a
 * run that stopped at its cycle limit before all expected outputs arrived.
 */
public final class StreamResult {
  private final StreamRequest request;
  private final boolean hitCycleLimit;
  private final long[] acceptCycles;
  private final long[] outputCycles;
  private final byte[] outputFrames;

  public StreamResult(
      StreamRequest request,
      boolean hitCycleLimit,
      long[] acceptCycles,
      long[] outputCycles,
      byte[] outputFrames) {
    this.request = request;
    this.hitCycleLimit = hitCycleLimit;
    this.acceptCycles = acceptCycles;
    this.outputCycles = outputCycles;
    this.outputFrames = outputFrames;
  }

  public boolean hitCycleLimit() {
    return hitCycleLimit;
  }

  public int accepted() {
    return acceptCycles.length;
  }

  public int outputs() {
    return outputCycles.length;
  }

  public long acceptCycle(int k) {
    return acceptCycles[k];
  }

  public long outputCycle(int k) {
    return outputCycles[k];
  }

  /**
   * Sink data port {@code portIndex} (position in the request's sink data list) of output {@code
   * k}.
   */
  public BigInteger output(int k, int portIndex) {
    int off = k * request.sinkFrameBytes();
    for (int i = 0; i < portIndex; i++) {
      off += request.sinkData().get(i).bytes();
    }
    return PortValues.decode(outputFrames, off, request.sinkData().get(portIndex).bytes());
  }

  public StreamRequest request() {
    return request;
  }
}

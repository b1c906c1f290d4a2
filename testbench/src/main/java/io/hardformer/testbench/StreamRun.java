package io.hardformer.testbench;

import io.hardformer.verilator.StreamResult;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * The observed transactions of one stream run, with cycle stamps, and the cycle-contract
 * assertions: {@link #expectLatency} and {@link #expectInitiationInterval}.
 */
public final class StreamRun {
  private final Testbench tb;
  private final StreamResult result;

  StreamRun(Testbench tb, StreamResult result) {
    this.tb = tb;
    this.result = result;
  }

  public int outputCount() {
    return result.outputs();
  }

  /** Output transaction {@code k}: one value per sink data port. */
  public BigInteger[] output(int k) {
    BigInteger[] v = new BigInteger[result.request().sinkData().size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = result.output(k, i);
    }
    return v;
  }

  /** The first sink data port of every output transaction, in arrival order. */
  public List<Long> outputsLong() {
    List<Long> out = new ArrayList<>();
    for (int k = 0; k < result.outputs(); k++) {
      out.add(result.output(k, 0).longValue());
    }
    return out;
  }

  public long acceptCycle(int k) {
    return result.acceptCycle(k);
  }

  public long outputCycle(int k) {
    return result.outputCycle(k);
  }

  /**
   * Every output appeared exactly {@code cycles} after its input was accepted (transactions in
   * order, one output per input). Measured from the cycle stamps.
   */
  public StreamRun expectLatency(int cycles) {
    int n = Math.min(result.accepted(), result.outputs());
    for (int k = 0; k < n; k++) {
      long measured = result.outputCycle(k) - result.acceptCycle(k);
      if (measured != cycles) {
        tb.fail(
            "latency of transaction "
                + k
                + " is "
                + measured
                + " cycles (accepted in cycle "
                + result.acceptCycle(k)
                + ", out in cycle "
                + result.outputCycle(k)
                + "), expected "
                + cycles);
      }
    }
    return this;
  }

  /**
   * The largest gap between consecutive input acceptances; meaningful without bubbles and
   * backpressure.
   */
  public long measuredInitiationInterval() {
    long worst = 0;
    for (int k = 1; k < result.accepted(); k++) {
      worst = Math.max(worst, result.acceptCycle(k) - result.acceptCycle(k - 1));
    }
    return result.accepted() < 2 ? 1 : worst;
  }

  /** Inputs were accepted every {@code cycles} cycles (run without bubbles or backpressure). */
  public StreamRun expectInitiationInterval(int cycles) {
    long measured = measuredInitiationInterval();
    if (measured != cycles) {
      tb.fail("initiation interval is " + measured + " cycles, expected " + cycles);
    }
    return this;
  }
}

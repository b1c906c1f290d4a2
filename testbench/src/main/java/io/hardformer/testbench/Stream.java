package io.hardformer.testbench;

import io.hardformer.verilator.HarnessSpec;
import io.hardformer.verilator.PortLayout;
import io.hardformer.verilator.PortValues;
import io.hardformer.verilator.StreamRequest;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * A transaction run through a valid/ready or valid-only interface, driven natively at full speed:
 * {@code tb.stream().source("in_valid", "in_ready", "in_data").sink("out_valid", "out_ready",
 * "out_data") .bubbles(0.2).backpressure(0.5).send(values).run()}. Pass {@code null} for a ready
 * that does not exist.
 */
public final class Stream {
  private final Testbench tb;
  private final HarnessSpec spec;
  private PortLayout srcValid;
  private PortLayout srcReady;
  private List<PortLayout> srcData = List.of();
  private PortLayout sinkValid;
  private PortLayout sinkReady;
  private List<PortLayout> sinkData = List.of();
  private double bubble;
  private double backpressure;
  private final List<BigInteger[]> payloads = new ArrayList<>();
  private Integer expected;

  Stream(Testbench tb, HarnessSpec spec) {
    this.tb = tb;
    this.spec = spec;
  }

  /** The driving side: the DUT's input valid, its output ready (or null), and the data inputs. */
  public Stream source(String valid, String ready, String... data) {
    srcValid = spec.input(valid);
    srcReady = ready == null ? null : spec.output(ready);
    srcData = new ArrayList<>();
    for (String d : data) {
      srcData.add(spec.input(d));
    }
    return this;
  }

  /**
   * The receiving side: the DUT's output valid, its input ready (or null), and the data outputs.
   */
  public Stream sink(String valid, String ready, String... data) {
    sinkValid = spec.output(valid);
    sinkReady = ready == null ? null : spec.input(ready);
    sinkData = new ArrayList<>();
    for (String d : data) {
      sinkData.add(spec.output(d));
    }
    return this;
  }

  /** Probability that the source waits a cycle before offering the next transaction. */
  public Stream bubbles(double probability) {
    this.bubble = probability;
    return this;
  }

  /** Probability that the sink is not ready in a cycle. */
  public Stream backpressure(double probability) {
    this.backpressure = probability;
    return this;
  }

  /** One transaction: one value per source data port, in the order given to {@link #source}. */
  public Stream send(long... values) {
    BigInteger[] v = new BigInteger[values.length];
    for (int i = 0; i < values.length; i++) {
      v[i] = BigInteger.valueOf(values[i]);
    }
    return send(v);
  }

  public Stream send(BigInteger... values) {
    if (values.length != srcData.size()) {
      throw new IllegalArgumentException(
          "a transaction needs "
              + srcData.size()
              + " values ("
              + srcData
              + "), got "
              + values.length);
    }
    payloads.add(values.clone());
    return this;
  }

  /** How many output transactions to wait for (default: as many as were sent). */
  public Stream expectOutputs(int n) {
    this.expected = n;
    return this;
  }

  public StreamRun run() {
    if (srcValid == null || sinkValid == null) {
      throw new IllegalStateException("declare source(...) and sink(...) before run()");
    }
    int fb = srcData.stream().mapToInt(PortLayout::bytes).sum();
    byte[] frames = new byte[payloads.size() * fb];
    for (int k = 0; k < payloads.size(); k++) {
      int off = k * fb;
      for (int i = 0; i < srcData.size(); i++) {
        byte[] b = PortValues.encode(payloads.get(k)[i], srcData.get(i));
        System.arraycopy(b, 0, frames, off, b.length);
        off += b.length;
      }
    }
    long seed = tb.random().nextLong();
    StreamRequest r =
        new StreamRequest(
            srcValid,
            srcReady,
            srcData,
            sinkValid,
            sinkReady,
            sinkData,
            bubble,
            backpressure,
            seed,
            payloads.size(),
            frames,
            expected == null ? payloads.size() : expected,
            tb.options().cycleLimit());
    return tb.runStream(r);
  }
}

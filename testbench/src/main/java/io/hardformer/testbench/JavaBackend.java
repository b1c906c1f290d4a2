package io.hardformer.testbench;

import io.hardformer.dsl.sim.CycleSimulator;
import io.hardformer.dsl.sim.IrSimulator;
import io.hardformer.jit.JitSimulator;
import io.hardformer.verilator.BatchResult;
import io.hardformer.verilator.HarnessSpec;
import io.hardformer.verilator.PortLayout;
import io.hardformer.verilator.PortValues;
import io.hardformer.verilator.StreamRequest;
import io.hardformer.verilator.StreamResult;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * A Java simulator of the IR (the interpreter or the JIT-compiled design) behind the testbench API.
 * Batches and streams follow the native harness loop step by step, including its splitmix64 random
 * sequence for bubbles and backpressure, so both backends see the same transactions in the same
 * cycles.
 */
final class JavaBackend implements SimulatorBackend {
  private final HarnessSpec spec;
  private final CycleSimulator sim;

  /** Over the IR interpreter ({@link IrSimulator}) or the compiled IR ({@link JitSimulator}). */
  JavaBackend(HarnessSpec spec, CycleSimulator sim) {
    this.spec = spec;
    this.sim = sim;
  }

  private void set(PortLayout p, byte[] src, int offset) {
    sim.poke(p.name(), PortValues.decode(src, offset, p.bytes()));
  }

  private void get(PortLayout p, byte[] dst, int offset) {
    byte[] b = PortValues.encode(sim.peek(p.name()), p);
    System.arraycopy(b, 0, dst, offset, b.length);
  }

  private boolean high(PortLayout p) {
    return sim.peek(p.name()).testBit(0);
  }

  @Override
  public void poke(PortLayout input, byte[] value) {
    set(input, value, 0);
  }

  @Override
  public byte[] peek(PortLayout output) {
    byte[] b = new byte[output.bytes()];
    get(output, b, 0);
    return b;
  }

  @Override
  public void step(long cycles) {
    for (long k = 0; k < cycles; k++) {
      sim.step();
    }
  }

  @Override
  public long cycle() {
    return sim.cycle();
  }

  @Override
  public BatchResult batch(byte[] frames, int cycles, PortLayout valid) {
    int ifb = spec.inputFrameBytes();
    int rec = 8 + spec.outputFrameBytes();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] record = new byte[rec];
    int count = 0;
    for (int c = 0; c < cycles; c++) {
      for (PortLayout p : spec.inputs()) {
        set(p, frames, c * ifb + p.offset());
      }
      if (valid == null || high(valid)) {
        PortValues.encodeLong(sim.cycle(), 8, record, 0);
        for (PortLayout p : spec.outputs()) {
          get(p, record, 8 + p.offset());
        }
        out.writeBytes(record);
        count++;
      }
      sim.step();
    }
    return new BatchResult(spec, count, out.toByteArray());
  }

  /** The harness's splitmix64 (upper 32 bits), for identical random decisions. */
  private static final class SplitMix {
    private long state;

    SplitMix(long seed) {
      state = seed;
    }

    long next32() {
      long z = (state += 0x9E3779B97F4A7C15L);
      z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
      z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
      return (z ^ (z >>> 31)) >>> 32;
    }
  }

  private static long threshold(double p) {
    return Math.min(0xFFFFFFFFL, Math.round(p * 4294967296.0));
  }

  @Override
  public StreamResult stream(StreamRequest r) {
    SplitMix rng = new SplitMix(r.seed());
    long bubble = threshold(r.bubble());
    long backpressure = threshold(r.backpressure());
    int srcBytes = r.sourceFrameBytes();
    List<Long> accepted = new ArrayList<>();
    ByteArrayOutputStream got = new ByteArrayOutputStream();
    List<Long> gotCycles = new ArrayList<>();
    int next = 0;
    boolean offering = false;
    long start = sim.cycle();
    boolean limit = false;
    while (gotCycles.size() < r.expected()) {
      if (sim.cycle() - start >= r.maxCycles()) {
        limit = true;
        break;
      }
      if (!offering && next < r.transactions()) {
        offering = bubble == 0 || rng.next32() >= bubble;
      }
      sim.poke(r.sourceValid().name(), offering ? BigInteger.ONE : BigInteger.ZERO);
      if (next < r.transactions()) {
        int off = next * srcBytes;
        for (PortLayout p : r.sourceData()) {
          sim.poke(p.name(), PortValues.decode(r.sourceFrames(), off, p.bytes()));
          off += p.bytes();
        }
      }
      boolean sinkReady = true;
      if (r.sinkReady() != null) {
        sinkReady = backpressure == 0 || rng.next32() >= backpressure;
        sim.poke(r.sinkReady().name(), sinkReady ? BigInteger.ONE : BigInteger.ZERO);
      }
      boolean ready = r.sourceReady() == null || high(r.sourceReady());
      if (offering && ready) {
        accepted.add(sim.cycle());
        next++;
        offering = false;
      }
      if (high(r.sinkValid()) && sinkReady) {
        gotCycles.add(sim.cycle());
        for (PortLayout p : r.sinkData()) {
          got.writeBytes(PortValues.encode(sim.peek(p.name()), p));
        }
      }
      sim.step();
    }
    sim.poke(r.sourceValid().name(), BigInteger.ZERO);
    if (r.sinkReady() != null) {
      sim.poke(r.sinkReady().name(), BigInteger.ZERO);
    }
    return new StreamResult(
        r,
        limit,
        accepted.stream().mapToLong(Long::longValue).toArray(),
        gotCycles.stream().mapToLong(Long::longValue).toArray(),
        got.toByteArray());
  }

  @Override
  public String writeWaveform(long around) {
    return "(not written: the Java and JIT backends record no waveform; rerun on the Verilator backend)";
  }

  @Override
  public void close() {
    // nothing to release
  }
}

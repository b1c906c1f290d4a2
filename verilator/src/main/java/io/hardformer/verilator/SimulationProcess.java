package io.hardformer.verilator;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One running native model, spoken to over its stdin/stdout with the compact binary protocol of
 * {@code harness.cpp.vm}. Pokes and steps are buffered and cost no round trip; peeks, batches and
 * streams flush and wait. Everything written can be recorded, so a failing run can be replayed with
 * waveform tracing on. A crash fails the call with the model's stderr instead of taking the JVM
 * down.
 *
 * <p>A model must send its handshake within {@code -Dhardformer.model.start-timeout} seconds
 * (default 60) of starting, and each awaited reply must make progress within {@code
 * -Dhardformer.model.reply-timeout} seconds (default 600); a silent model is stopped ({@link
 * ReplyWatchdog}) and the call fails naming the model's path in the cache.
 */
public final class SimulationProcess implements AutoCloseable {
  /**
   * Stimulus beyond this size is not kept for replay (the waveform of such a run is not offered).
   */
  static final int MAX_RECORDED_BYTES = 256 << 20;

  /** Cycles per batch reply; must match {@code BATCH_CHUNK} in {@code harness.cpp.vm}. */
  static final int BATCH_CHUNK = 65536;

  /** What the harness writes once it is up; must match {@code harness.cpp.vm}. */
  private static final byte[] HANDSHAKE =
      "hardformer-harness-v2\n".getBytes(StandardCharsets.US_ASCII);

  private final CompiledModel model;
  private final Process process;
  private final OutputStream toModel;
  private final InputStream fromModel;
  private final StringBuffer stderr = new StringBuffer();
  private final List<byte[]> recorded;
  private long recordedBytes;
  private boolean recordingOverflowed;
  private final byte[] scratch = new byte[16];
  private final Thread stderrReader;

  /**
   * While the JVM waits for the model: System.nanoTime() after which it is stopped; 0 otherwise.
   */
  private volatile long deadline;

  private volatile long waitLimitSeconds;
  private volatile boolean timedOut;
  private final long replyTimeoutSeconds = Long.getLong("hardformer.model.reply-timeout", 600);

  private SimulationProcess(CompiledModel model, Process process, boolean record) {
    this.model = model;
    this.process = process;
    this.toModel = new BufferedOutputStream(process.getOutputStream(), 1 << 16);
    this.fromModel = new BufferedInputStream(process.getInputStream(), 1 << 16);
    this.recorded = record ? new ArrayList<>() : null;
    this.stderrReader = new Thread(() -> drain(process.getErrorStream()), "hardformer-sim-stderr");
    stderrReader.setDaemon(true);
    stderrReader.start();
    ReplyWatchdog.watch(this);
  }

  /** Starts the model; {@code record} keeps the stimulus for {@link #recordedStimulus()}. */
  public static SimulationProcess start(CompiledModel model, boolean record) {
    return start(model, null, record);
  }

  static SimulationProcess start(CompiledModel model, Path trace, boolean record) {
    return start(model, trace, 0, Long.MAX_VALUE, record);
  }

  static SimulationProcess start(
      CompiledModel model, Path trace, long from, long to, boolean record) {
    List<String> cmd = new ArrayList<>(List.of(model.executable().toString()));
    if (trace != null) {
      cmd.addAll(
          List.of(
              "--trace",
              trace.toString(),
              "--trace-from",
              Long.toString(from),
              "--trace-to",
              Long.toUnsignedString(to)));
    }
    Process p;
    try {
      p = new ProcessBuilder(cmd).start();
    } catch (IOException e) {
      throw new SimulationException(
          "cannot start the native model "
              + model.executable()
              + ": "
              + e.getMessage()
              + "; delete "
              + model.executable().getParent()
              + " so it is rebuilt");
    }
    SimulationProcess sim = new SimulationProcess(model, p, record);
    sim.handshake(Long.getLong("hardformer.model.start-timeout", 60));
    return sim;
  }

  /** Reads the harness's start line; a model that sends something else or nothing is stopped. */
  private void handshake(long timeoutSeconds) {
    byte[] got;
    try {
      got = receive(HANDSHAKE.length, timeoutSeconds, "starting");
    } catch (SimulationException e) {
      stop();
      throw e;
    }
    if (!java.util.Arrays.equals(got, HANDSHAKE)) {
      stop();
      throw new SimulationException(
          "the native model "
              + model.executable()
              + " is not a Hardformer harness of "
              + "this version (its first bytes are not the handshake); delete "
              + model.executable().getParent()
              + " so it is rebuilt");
    }
  }

  /**
   * Replays recorded stimulus on a trace-enabled build of the same design and writes an FST
   * waveform of cycles {@code from} to {@code to}. The model's replies are drained while the
   * stimulus is written, so long runs cannot fill both pipes.
   */
  public static void replayWithTrace(
      CompiledModel traceModel, byte[] stimulus, Path fst, long from, long to) {
    try (SimulationProcess p = start(traceModel, fst, from, to, false)) {
      Thread drain =
          new Thread(
              () -> {
                try {
                  p.fromModel.transferTo(OutputStream.nullOutputStream());
                } catch (IOException ignored) {
                  // the model ended
                }
              },
              "hardformer-replay-drain");
      drain.setDaemon(true);
      drain.start();
      p.toModel.write(stimulus);
      p.toModel.write('q');
      p.toModel.flush();
      p.process.getOutputStream().close();
      drain.join(600_000);
      p.process.waitFor(60, TimeUnit.SECONDS);
    } catch (IOException e) {
      throw new SimulationException("replay for the waveform failed: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  public HarnessSpec spec() {
    return model.spec();
  }

  public CompiledModel model() {
    return model;
  }

  /** The stimulus sent so far, or null when not recorded or too large to keep. */
  public byte[] recordedStimulus() {
    if (recorded == null || recordingOverflowed) {
      return null;
    }
    ByteArrayOutputStream all = new ByteArrayOutputStream((int) recordedBytes);
    recorded.forEach(all::writeBytes);
    return all.toByteArray();
  }

  // ---- commands
  // ----------------------------------------------------------------------------------

  public void poke(PortLayout input, byte[] value) {
    byte[] head = {'p', (byte) input.index(), (byte) (input.index() >>> 8)};
    send(head, 0, 3);
    send(value, 0, value.length);
  }

  public byte[] peek(PortLayout output) {
    byte[] head = {'g', (byte) output.index(), (byte) (output.index() >>> 8)};
    send(head, 0, 3);
    flush();
    return receive(output.bytes());
  }

  public void step(long cycles) {
    while (cycles > 0) {
      int n = (int) Math.min(cycles, Integer.MAX_VALUE);
      scratch[0] = 's';
      PortValues.encodeLong(n, 4, scratch, 1);
      send(scratch, 0, 5);
      cycles -= n;
    }
  }

  public long cycle() {
    send(new byte[] {'c'}, 0, 1);
    flush();
    return PortValues.decodeLong(receive(8), 0, 8);
  }

  /**
   * Applies {@code cycles} input frames, one per cycle, recording outputs every cycle or, with
   * {@code valid} non-null, only in cycles where that output is high.
   */
  public BatchResult batch(byte[] inputFrames, int cycles, PortLayout valid) {
    HarnessSpec spec = model.spec();
    if (inputFrames.length != (long) cycles * spec.inputFrameBytes()) {
      throw new IllegalArgumentException(
          "batch of "
              + cycles
              + " cycles needs "
              + (long) cycles * spec.inputFrameBytes()
              + " bytes of input frames, got "
              + inputFrames.length);
    }
    byte[] head = new byte[8];
    head[0] = 'b';
    PortValues.encodeLong(cycles, 4, head, 1);
    head[5] = (byte) (valid == null ? 0 : 1);
    PortValues.encodeLong(valid == null ? 0 : valid.index(), 2, head, 6);
    Runnable write =
        () -> {
          send(head, 0, 8);
          send(inputFrames, 0, inputFrames.length);
          flush();
        };
    // more than one chunk: replies arrive while input is still being written, so write on a thread
    Thread writer = null;
    RuntimeException[] writeFailure = new RuntimeException[1];
    if (cycles > BATCH_CHUNK) {
      writer =
          new Thread(
              () -> {
                try {
                  write.run();
                } catch (RuntimeException e) {
                  writeFailure[0] = e;
                }
              },
              "hardformer-batch-writer");
      writer.start();
    } else {
      write.run();
    }
    int rec = 8 + spec.outputFrameBytes();
    byte[] records = new byte[valid == null ? Math.multiplyExact(cycles, rec) : 0];
    int count = 0;
    for (int done = 0; done < cycles; done += BATCH_CHUNK) {
      int n = (int) PortValues.decodeLong(receive(4), 0, 4);
      if ((long) (count + n) * rec > records.length) {
        records = java.util.Arrays.copyOf(records, Math.max(records.length * 2, (count + n) * rec));
      }
      receiveInto(records, count * rec, n * rec);
      count += n;
    }
    if (writer != null) {
      try {
        writer.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      if (writeFailure[0] != null) {
        throw writeFailure[0];
      }
    }
    return new BatchResult(spec, count, records);
  }

  public StreamResult stream(StreamRequest r) {
    ByteArrayOutputStream h = new ByteArrayOutputStream();
    h.write('t');
    u16(h, r.sourceValid().index());
    u16(h, r.sourceReady() == null ? 0xFFFF : r.sourceReady().index());
    u16(h, r.sourceData().size());
    r.sourceData().forEach(p -> u16(h, p.index()));
    u16(h, r.sinkValid().index());
    u16(h, r.sinkReady() == null ? 0xFFFF : r.sinkReady().index());
    u16(h, r.sinkData().size());
    r.sinkData().forEach(p -> u16(h, p.index()));
    le(h, probability(r.bubble()), 4);
    le(h, probability(r.backpressure()), 4);
    le(h, r.seed(), 8);
    le(h, r.transactions(), 4);
    le(h, r.expected(), 4);
    le(h, r.maxCycles(), 8);
    byte[] head = h.toByteArray();
    send(head, 0, head.length);
    send(r.sourceFrames(), 0, r.sourceFrames().length);
    flush();
    // the harness replies when the stream ends: allow its whole cycle budget at the slowest model
    // rate
    boolean limit = receive(1, streamReplySeconds(r.maxCycles()), "streaming through")[0] != 0;
    int nAcc = (int) PortValues.decodeLong(receive(4), 0, 4);
    byte[] acc = receive(8 * nAcc);
    long[] accepted = new long[nAcc];
    for (int k = 0; k < nAcc; k++) {
      accepted[k] = PortValues.decodeLong(acc, 8 * k, 8);
    }
    int nGot = (int) PortValues.decodeLong(receive(4), 0, 4);
    int fb = r.sinkFrameBytes();
    byte[] got = receive(nGot * (8 + fb));
    long[] cyc = new long[nGot];
    byte[] frames = new byte[nGot * fb];
    for (int k = 0; k < nGot; k++) {
      cyc[k] = PortValues.decodeLong(got, k * (8 + fb), 8);
      System.arraycopy(got, k * (8 + fb) + 8, frames, k * fb, fb);
    }
    return new StreamResult(r, limit, accepted, cyc, frames);
  }

  private static long probability(double p) {
    return Math.min(0xFFFFFFFFL, Math.round(p * 4294967296.0));
  }

  private static void u16(ByteArrayOutputStream o, int v) {
    le(o, v, 2);
  }

  private static void le(ByteArrayOutputStream o, long v, int bytes) {
    for (int i = 0; i < bytes; i++) {
      o.write((int) (v >>> (8 * i)) & 0xFF);
    }
  }

  // ---- plumbing
  // ----------------------------------------------------------------------------------

  private synchronized void send(byte[] b, int off, int len) {
    try {
      toModel.write(b, off, len);
    } catch (IOException e) {
      throw died("writing to");
    }
    if (recorded != null && !recordingOverflowed) {
      if (recordedBytes + len > MAX_RECORDED_BYTES) {
        recordingOverflowed = true;
        recorded.clear();
      } else {
        recorded.add(java.util.Arrays.copyOfRange(b, off, off + len));
        recordedBytes += len;
      }
    }
  }

  private void flush() {
    try {
      toModel.flush();
    } catch (IOException e) {
      throw died("writing to");
    }
  }

  /**
   * How long a stream may run before its reply: the reply timeout, or its cycle limit at {@value
   * #SLOWEST_CYCLES_PER_SECOND} cycles/s when that is longer (a 64x64 FMA array at -O0 runs ~1.5 k
   * cycles/s).
   */
  long streamReplySeconds(long maxCycles) {
    return Math.max(replyTimeoutSeconds, maxCycles / SLOWEST_CYCLES_PER_SECOND);
  }

  private static final long SLOWEST_CYCLES_PER_SECOND = 500;

  private byte[] receive(int n) {
    return receive(n, replyTimeoutSeconds, "reading from");
  }

  private byte[] receive(int n, long timeoutSeconds, String what) {
    byte[] out = new byte[n];
    receiveInto(out, 0, n, timeoutSeconds, what);
    return out;
  }

  private void receiveInto(byte[] out, int offset, int n) {
    receiveInto(out, offset, n, replyTimeoutSeconds, "reading from");
  }

  /** Reads n bytes; the model is stopped when no byte arrives for {@code timeoutSeconds}. */
  private void receiveInto(byte[] out, int offset, int n, long timeoutSeconds, String what) {
    long limit = timeoutSeconds * 1_000_000_000L;
    waitLimitSeconds = timeoutSeconds;
    int got = 0;
    try {
      while (got < n) {
        deadline = System.nanoTime() + limit;
        int r = fromModel.read(out, offset + got, n - got);
        if (r < 0) {
          throw died(what);
        }
        got += r;
      }
    } catch (IOException e) {
      throw died(what);
    } finally {
      deadline = 0;
    }
  }

  /**
   * Called by the {@link ReplyWatchdog}: stops the model when the JVM has waited past the deadline.
   */
  void stopIfSilentPast(long now) {
    long d = deadline;
    if (d != 0 && now - d > 0 && process.isAlive()) {
      timedOut = true;
      stop();
    }
  }

  private void stop() {
    ReplyWatchdog.unwatch(this);
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
  }

  private SimulationException died(String what) {
    ReplyWatchdog.unwatch(this);
    try {
      process.waitFor(2, TimeUnit.SECONDS);
      stderrReader.join(1000); // let the last words of the model arrive
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    Path exe = model.executable();
    if (timedOut) {
      String property =
          what.equals("starting")
              ? "hardformer.model.start-timeout"
              : "hardformer.model.reply-timeout";
      return new SimulationException(
          "the native model of "
              + model.spec().top()
              + " ("
              + exe
              + ") sent nothing for "
              + waitLimitSeconds
              + " s while "
              + what
              + " it and was stopped; if it is damaged, delete "
              + exe.getParent()
              + " so it is rebuilt (or allow more time with -D"
              + property
              + "=SECONDS)");
    }
    String exit = process.isAlive() ? "still running" : "exit code " + process.exitValue();
    return new SimulationException(
        "the native model of "
            + model.spec().top()
            + " ("
            + exe
            + ") failed while "
            + what
            + " it ("
            + exit
            + ")"
            + (stderr.length() > 0 ? ": " + stderr.toString().strip() : "")
            + (what.equals("starting")
                ? "; it sent no handshake: delete " + exe.getParent() + " so it is rebuilt"
                : ""));
  }

  private void drain(InputStream err) {
    try {
      byte[] buf = new byte[4096];
      int n;
      while ((n = err.read(buf)) > 0) {
        if (stderr.length() < 64 * 1024) {
          stderr.append(new String(buf, 0, n, StandardCharsets.UTF_8));
        }
      }
    } catch (IOException ignored) {
      // process gone
    }
  }

  @Override
  public void close() {
    ReplyWatchdog.unwatch(this);
    try {
      toModel.write('q');
      toModel.flush();
      process.getOutputStream().close();
    } catch (IOException ignored) {
      // already gone
    }
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}

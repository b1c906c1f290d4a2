package io.hardformer.testbench;

import io.hardformer.dsl.Bundle;
import io.hardformer.dsl.Data;
import io.hardformer.dsl.Module;
import io.hardformer.dsl.Valid;
import io.hardformer.dsl.sim.IrSimulator;
import io.hardformer.jit.JitSimulator;
import io.hardformer.rtl.EmitOptions;
import io.hardformer.rtl.EmittedDesign;
import io.hardformer.rtl.VerilogEmitter;
import io.hardformer.verilator.BuildProfile;
import io.hardformer.verilator.HarnessSpec;
import io.hardformer.verilator.ModelCache;
import io.hardformer.verilator.PortLayout;
import io.hardformer.verilator.PortValues;
import io.hardformer.verilator.StreamResult;
import java.math.BigInteger;
import java.util.Random;

/**
 * A DSL module running in Verilator, driven from Java. The model is built once per distinct design
 * (content-addressed cache) and runs in its own process; {@link Backend#JAVA} runs the same test on
 * the Java interpreter of the IR instead.
 *
 * <pre>{@code
 * try (Testbench tb = Testbench.of(new Counter(8))) {
 *   tb.reset();
 *   tb.poke("en", 1).step(3);
 *   tb.expect("count", 3);
 * }
 * }</pre>
 *
 * <p>Cycle semantics: {@code poke} sets inputs for the current cycle, {@code peek} shows outputs
 * after combinational settling, {@code step} applies rising clock edges. Pokes and steps are
 * buffered; only peeks wait for the model. Bulk data goes through {@link #stimulus}/{@link #run}
 * and {@link #stream}, which run natively. Any failure writes an FST waveform of the run (replayed
 * on a tracing build) and names its path and the random seed.
 */
public final class Testbench implements AutoCloseable {
  private final EmittedDesign design;
  private final HarnessSpec spec;
  private final PortNames names;
  private final TestbenchOptions options;
  private final SimulatorBackend sim;
  private final Backend runsOn;
  private final long seed;

  /** With {@link TestbenchOptions#withFoldedView}: fold a definition with this many instances. */
  private static final int FOLD_FROM_INSTANCES = 2;

  private final Random random;
  private long cycle;

  private Testbench(EmittedDesign design, TestbenchOptions options) {
    this.design = design;
    EmittedDesign model =
        options.foldedView()
            ? VerilogEmitter.foldedView(design, FOLD_FROM_INSTANCES).orElse(design)
            : design;
    this.spec = HarnessSpec.of(design, false);
    this.names = new PortNames(design);
    this.options = options;
    this.runsOn = resolve(options.backend(), model, spec, options.buildProfile());
    this.sim =
        switch (runsOn) {
          case JAVA -> new JavaBackend(spec, new IrSimulator(design.design()));
          case JIT -> new JavaBackend(spec, new JitSimulator(design.design()));
          default ->
              new VerilatorBackend(model, spec, options.waveformDir(), options.buildProfile());
        };
    this.seed =
        options.seed() != null ? options.seed() : design.top().hashCode() * 0x9E3779B97F4A7C15L;
    this.random = new Random(seed);
  }

  /** {@link Backend#AUTO}: Verilator when the model is cached, else the JIT. */
  private static Backend resolve(
      Backend chosen, EmittedDesign design, HarnessSpec spec, BuildProfile profile) {
    if (chosen != Backend.AUTO) {
      return chosen;
    }
    return ModelCache.defaultCache().contains(design, spec, profile)
        ? Backend.VERILATOR
        : Backend.JIT;
  }

  public static Testbench of(Module top) {
    return of(top, TestbenchOptions.defaults());
  }

  public static Testbench of(Module top, TestbenchOptions options) {
    return new Testbench(VerilogEmitter.emit(top, EmitOptions.defaults()), options);
  }

  /**
   * A testbench over an already emitted design (e.g. a generator's output with its own options).
   */
  public static Testbench of(EmittedDesign design, TestbenchOptions options) {
    return new Testbench(design, options);
  }

  public EmittedDesign design() {
    return design;
  }

  public TestbenchOptions options() {
    return options;
  }

  /** The seed of {@link #random()}; set {@code -Dhardformer.seed=...} to replay a run. */
  public long seed() {
    return seed;
  }

  /** The seeded random source for stimulus. */
  public Random random() {
    return random;
  }

  /** Rising clock edges applied so far. */
  public long cycle() {
    return cycle;
  }

  // ---- interactive
  // -------------------------------------------------------------------------------

  public Testbench poke(String input, long value) {
    PortLayout p = spec.input(input);
    if (p.width() < 64 && (value < 0 || value >>> p.width() != 0)) {
      fail("poke of " + value + " does not fit input '" + input + "' (" + p.width() + " bits)");
    }
    byte[] b = new byte[p.bytes()];
    PortValues.encodeLong(value, p.bytes(), b, 0);
    sim.poke(p, b);
    return this;
  }

  public Testbench poke(String input, BigInteger value) {
    PortLayout p = spec.input(input);
    sim.poke(p, PortValues.encode(value, p));
    return this;
  }

  public BigInteger peek(String output) {
    PortLayout p = spec.output(output);
    return PortValues.decode(sim.peek(p), 0, p.bytes());
  }

  public long peekLong(String output) {
    PortLayout p = spec.output(output);
    return PortValues.decodeLong(sim.peek(p), 0, p.bytes());
  }

  /** Sets input port {@code input} (the DUT's field, e.g. {@code dut.in.payload().x}). */
  public Testbench poke(Data<?> input, long value) {
    return poke(names.of(input), value);
  }

  public Testbench poke(Data<?> input, BigInteger value) {
    return poke(names.of(input), value);
  }

  public BigInteger peek(Data<?> output) {
    return peek(names.of(output));
  }

  public long peekLong(Data<?> output) {
    return peekLong(names.of(output));
  }

  public Testbench expect(Data<?> output, long expected) {
    return expect(names.of(output), expected);
  }

  /**
   * Sets every field of input bundle {@code input} from {@code packed}, the first field in the low
   * bits.
   */
  public Testbench poke(Bundle<?> input, BigInteger packed) {
    BigInteger rest = packed;
    for (Data<?> leaf : input.leaves()) {
      poke(leaf, rest.and(BigInteger.ONE.shiftLeft(leaf.width()).subtract(BigInteger.ONE)));
      rest = rest.shiftRight(leaf.width());
    }
    if (rest.signum() != 0) {
      fail(
          "poke of 0x"
              + packed.toString(16)
              + " does not fit bundle "
              + input.layout()
              + " ("
              + input.width()
              + " bits)");
    }
    return this;
  }

  /**
   * Every field of output bundle {@code output} packed into one number, the first field in the low
   * bits.
   */
  public BigInteger peek(Bundle<?> output) {
    BigInteger packed = BigInteger.ZERO;
    int offset = 0;
    for (Data<?> leaf : output.leaves()) {
      packed = packed.or(peek(leaf).shiftLeft(offset));
      offset += leaf.width();
    }
    return packed;
  }

  public Testbench step() {
    return step(1);
  }

  public Testbench step(long cycles) {
    sim.step(cycles);
    cycle += cycles;
    return this;
  }

  /** Holds {@code rst} high for {@code cycles} rising edges, then low. */
  public Testbench reset(int cycles) {
    poke("rst", 1);
    step(cycles);
    return poke("rst", 0);
  }

  /** One cycle of reset. */
  public Testbench reset() {
    return reset(1);
  }

  /**
   * Fails, naming signal, cycle, expected and actual, unless {@code output} equals {@code
   * expected}.
   */
  public Testbench expect(String output, long expected) {
    return expect(output, BigInteger.valueOf(expected));
  }

  public Testbench expect(String output, BigInteger expected) {
    BigInteger actual = peek(output);
    if (!actual.equals(expected)) {
      fail(
          "'"
              + output
              + "' in cycle "
              + cycle
              + ": expected "
              + expected
              + " (0x"
              + expected.toString(16)
              + "), got "
              + actual
              + " (0x"
              + actual.toString(16)
              + ")");
    }
    return this;
  }

  // ---- bulk
  // --------------------------------------------------------------------------------------

  /** Input frames for {@code cycles} cycles, all zero until set. */
  public Stimulus stimulus(int cycles) {
    return new Stimulus(spec, cycles, names);
  }

  /** Runs the stimulus natively; outputs of every cycle come back in bulk. */
  public Outputs run(Stimulus s) {
    return run(s, null);
  }

  /** Runs the stimulus; outputs come back only for cycles where output {@code valid} is high. */
  public Outputs run(Stimulus s, String valid) {
    Outputs out =
        new Outputs(
            spec, sim.batch(s.frames(), s.cycles(), valid == null ? null : spec.output(valid)));
    cycle += s.cycles();
    return out;
  }

  /** A valid/ready (or valid-only) transaction run; see {@link Stream}. */
  public Stream stream() {
    return new Stream(this, spec);
  }

  /**
   * A transaction run from the DUT's input interface {@code source} to its output interface {@code
   * sink} ({@code tb.stream(dut.in, dut.out)}): a transaction is one value per payload field, then
   * the first and last markers when the interface has them; a valid-only interface has no ready.
   */
  public Stream stream(Valid<?> source, Valid<?> sink) {
    return stream()
        .source(names.of(source.valid()), names.ready(source), names.data(source))
        .sink(names.of(sink.valid()), names.ready(sink), names.data(sink));
  }

  StreamRun runStream(io.hardformer.verilator.StreamRequest r) {
    long before = cycle;
    StreamResult res = sim.stream(r);
    cycle = sim.cycle();
    if (res.hitCycleLimit()) {
      fail(
          "stream did not complete within the cycle limit of "
              + r.maxCycles()
              + " cycles (from cycle "
              + before
              + "): "
              + res.accepted()
              + " of "
              + r.transactions()
              + " inputs accepted, "
              + res.outputs()
              + " of "
              + r.expected()
              + " outputs seen");
    }
    return new StreamRun(this, res);
  }

  // ---- failure
  // -----------------------------------------------------------------------------------

  /** Cycles of waveform kept before the failing cycle (and {@link #WAVE_AFTER} after it). */
  public static final long WAVE_BEFORE = 2000;

  public static final long WAVE_AFTER = 200;

  /**
   * Throws an AssertionError with {@code message}, the seed and the path of a waveform of the
   * cycles before the current one.
   */
  public void fail(String message) {
    failAt(cycle, message);
  }

  /**
   * Like {@link #fail(String)}, with the waveform around {@code failingCycle} (e.g. a batch
   * result's cycle).
   */
  public void failAt(long failingCycle, String message) {
    throw new AssertionError(
        spec.top()
            + ": "
            + message
            + "\n  seed: "
            + seed
            + " (replay with -Dhardformer.seed="
            + seed
            + ")\n  waveform: "
            + writeWaveform(failingCycle));
  }

  /** A waveform of the last {@link #WAVE_BEFORE} cycles; see {@link #writeWaveform(long)}. */
  public String writeWaveform() {
    return writeWaveform(cycle);
  }

  /**
   * Writes an FST waveform of the cycles around {@code around}, by replaying everything this
   * testbench sent on a tracing build of the same design (Verilator backend). Returns the path, or
   * why there is none.
   */
  public String writeWaveform(long around) {
    return sim.writeWaveform(around);
  }

  /**
   * The backend this testbench runs on: the chosen one, or for {@link Backend#AUTO} the one it
   * chose ({@link Backend#VERILATOR} or {@link Backend#JIT}).
   */
  public Backend backend() {
    return runsOn;
  }

  @Override
  public void close() {
    sim.close();
  }
}

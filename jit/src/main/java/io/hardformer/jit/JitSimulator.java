package io.hardformer.jit;

import io.hardformer.dsl.elaborate.Design;
import io.hardformer.dsl.ir.Signal;
import io.hardformer.dsl.sim.CycleSimulator;
import io.hardformer.dsl.sim.IrSimulator;
import io.hardformer.dsl.sim.SimulationSchedule;
import java.lang.invoke.MethodHandles;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/**
 * The design compiled to JVM bytecode ({@link JitCompiler}) and run: the same cycle semantics as
 * {@link IrSimulator}, bit for bit, at native-code speed once HotSpot has compiled the chunks.
 * Compiling costs a pass over the IR plus class definition; it pays off from a few thousand cycles
 * on small designs (docs/BENCHMARKS.md, "Java simulation backends").
 */
public final class JitSimulator implements CycleSimulator {
  private final Map<String, Signal> inputs;
  private final Map<String, Signal> outputs;
  private final Map<Signal, Integer> index;
  private final long[] narrow;
  private final long[][] wide;
  private final long[] nextNarrow;
  private final long[][] nextWide;
  private final JitChunk[] comb;
  private final JitChunk[] registers;
  private boolean reset;
  private boolean settled;
  private long cycle;

  public JitSimulator(Design design) {
    SimulationSchedule schedule = new SimulationSchedule(design);
    JitCompiler code = new JitCompiler(schedule);
    inputs = schedule.inputs;
    outputs = schedule.outputs;
    index = code.index;
    narrow = new long[code.narrowCount];
    wide = new long[code.wideCount][];
    for (Map.Entry<Signal, Integer> e : index.entrySet()) {
      if (JitCompiler.wide(e.getKey().width())) {
        wide[e.getValue()] = new long[JitOps.words(e.getKey().width())];
      }
    }
    for (Map.Entry<Integer, long[]> c : code.wideConstants.entrySet()) {
      wide[c.getKey()] = c.getValue();
    }
    nextNarrow = new long[code.narrowRegisters];
    nextWide = new long[code.wideRegisters][];
    comb = load(code.combChunks);
    registers = load(code.registerChunks);
  }

  private static JitChunk[] load(List<byte[]> classes) {
    MethodHandles.Lookup lookup = MethodHandles.lookup();
    JitChunk[] out = new JitChunk[classes.size()];
    try {
      for (int i = 0; i < out.length; i++) {
        Class<?> c = lookup.defineHiddenClass(classes.get(i), true).lookupClass();
        out[i] = (JitChunk) c.getDeclaredConstructor().newInstance();
      }
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("generated simulation code did not load: " + e, e);
    }
    return out;
  }

  /** Generated classes: combinational chunks plus register chunks (for benchmarks and reports). */
  public int chunkCount() {
    return comb.length + registers.length;
  }

  @Override
  public void poke(String input, BigInteger value) {
    if (input.equals("rst")) {
      reset = value.signum() != 0;
      return;
    }
    Signal s = inputs.get(input);
    if (s == null) {
      throw new IllegalArgumentException("no input '" + input + "'; inputs: " + inputs.keySet());
    }
    if (value.signum() < 0 || value.bitLength() > s.width()) {
      throw new IllegalArgumentException(
          "value " + value + " does not fit input '" + input + "' (" + s.width() + " bits)");
    }
    int i = index.get(s);
    if (JitCompiler.wide(s.width())) {
      wide[i] = JitCompiler.words(value, s.width());
    } else {
      narrow[i] = value.longValue();
    }
    settled = false;
  }

  @Override
  public BigInteger peek(String output) {
    Signal s = outputs.get(output);
    if (s == null) {
      throw new IllegalArgumentException(
          "no output '" + output + "'; outputs: " + outputs.keySet());
    }
    settle();
    int i = index.get(s);
    if (!JitCompiler.wide(s.width())) {
      long v = narrow[i];
      return v >= 0
          ? BigInteger.valueOf(v)
          : BigInteger.valueOf(v).add(BigInteger.ONE.shiftLeft(64));
    }
    long[] words = wide[i];
    BigInteger v = BigInteger.ZERO;
    for (int k = words.length - 1; k >= 0; k--) {
      BigInteger w = BigInteger.valueOf(words[k]);
      if (words[k] < 0) {
        w = w.add(BigInteger.ONE.shiftLeft(64));
      }
      v = v.shiftLeft(64).or(w);
    }
    return v;
  }

  @Override
  public void step() {
    settle();
    for (JitChunk c : registers) {
      c.run(narrow, wide, nextNarrow, nextWide, reset);
    }
    System.arraycopy(nextNarrow, 0, narrow, 0, nextNarrow.length);
    System.arraycopy(nextWide, 0, wide, 0, nextWide.length);
    cycle++;
    settled = false;
  }

  @Override
  public long cycle() {
    return cycle;
  }

  private void settle() {
    if (settled) {
      return;
    }
    for (JitChunk c : comb) {
      c.run(narrow, wide, nextNarrow, nextWide, reset);
    }
    settled = true;
  }
}

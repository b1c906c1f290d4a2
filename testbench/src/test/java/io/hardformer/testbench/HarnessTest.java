package io.hardformer.testbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hardformer.dsl.Bool;
import io.hardformer.dsl.Module;
import io.hardformer.dsl.UInt;
import io.hardformer.generators.examples.AdderTree;
import io.hardformer.generators.examples.Counter;
import io.hardformer.generators.examples.Fifo;
import io.hardformer.generators.examples.Pipeline;
import io.hardformer.generators.examples.RegisterSlice;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The harness on the example designs: latency, lossless streams, readable failures, bounded hangs.
 * The example-design tests run on every backend (Verilator, the Java interpreter of the IR and the
 * IR compiled to bytecode).
 */
@Tag("verilator")
class HarnessTest {
  private static Testbench open(Backend backend, io.hardformer.dsl.Module design) {
    return Testbench.of(design, TestbenchOptions.defaults().withBackend(backend));
  }

  @org.junit.jupiter.api.Test
  void bothBackendsSeeTheSameTransactionsInTheSameCycles() {
    java.util.Map<Backend, List<Long>> seen = new java.util.EnumMap<>(Backend.class);
    for (Backend b : Backend.values()) {
      try (Testbench tb = open(b, new Fifo(8, 2))) {
        tb.reset();
        Stream s =
            tb.stream()
                .source("in_valid", "in_ready", "in_data")
                .sink("out_valid", "out_ready", "out_data")
                .bubbles(0.4)
                .backpressure(0.5);
        for (int i = 0; i < 300; i++) {
          s.send(i & 0xFF);
        }
        StreamRun run = s.run();
        List<Long> cycles = seen.computeIfAbsent(b, k -> new ArrayList<>());
        for (int k = 0; k < run.outputCount(); k++) {
          cycles.add(run.acceptCycle(k));
          cycles.add(run.outputCycle(k));
        }
      }
    }
    assertEquals(seen.get(Backend.VERILATOR), seen.get(Backend.JAVA));
    assertEquals(seen.get(Backend.VERILATOR), seen.get(Backend.JIT));
    assertEquals(seen.get(Backend.VERILATOR), seen.get(Backend.AUTO));
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void threeStagePipelineMeasuresLatencyThreeAndInitiationIntervalOne(Backend backend) {
    try (Testbench tb = open(backend, new Pipeline(8, 3))) {
      tb.reset();
      Stream s =
          tb.stream().source("in_valid", null, "in_data").sink("out_valid", null, "out_data");
      for (int i = 0; i < 100; i++) {
        s.send(i);
      }
      StreamRun run = s.run().expectLatency(3).expectInitiationInterval(1);
      for (int i = 0; i < 100; i++) {
        assertEquals((i + 3) & 0xFF, run.output(i)[0].intValue(), "data passes 3 increments");
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void latencyHoldsWithRandomBubbles(Backend backend) {
    try (Testbench tb = open(backend, new Pipeline(16, 5))) {
      tb.reset();
      Stream s =
          tb.stream()
              .source("in_valid", null, "in_data")
              .sink("out_valid", null, "out_data")
              .bubbles(0.5);
      for (int i = 0; i < 500; i++) {
        s.send(i);
      }
      StreamRun run = s.run().expectLatency(5);
      assertTrue(run.acceptCycle(499) - run.acceptCycle(0) > 600, "bubbles spread the inputs out");
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void fifoUnderRandomBackpressureLosesAndDuplicatesNothing(Backend backend) {
    try (Testbench tb = open(backend, new Fifo(16, 2))) {
      tb.reset();
      Random r = tb.random();
      List<Long> sent = new ArrayList<>();
      Stream s =
          tb.stream()
              .source("in_valid", "in_ready", "in_data")
              .sink("out_valid", "out_ready", "out_data")
              .bubbles(0.3)
              .backpressure(0.6);
      for (int i = 0; i < 5000; i++) {
        long v = r.nextInt(1 << 16);
        sent.add(v);
        s.send(v);
      }
      assertEquals(sent, s.run().outputsLong());
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void registerSliceKeepsFullThroughputAndOrder(Backend backend) {
    try (Testbench tb = open(backend, new RegisterSlice(32))) {
      tb.reset();
      Stream s =
          tb.stream()
              .source("in_valid", "in_ready", "in_data")
              .sink("out_valid", "out_ready", "out_data");
      List<Long> sent = new ArrayList<>();
      for (long i = 0; i < 1000; i++) {
        sent.add(i * 2654435761L & 0xFFFFFFFFL);
        s.send(sent.get((int) i));
      }
      StreamRun run = s.run().expectLatency(1).expectInitiationInterval(1);
      assertEquals(sent, run.outputsLong());
      Stream t =
          tb.stream()
              .source("in_valid", "in_ready", "in_data")
              .sink("out_valid", "out_ready", "out_data")
              .backpressure(0.5)
              .bubbles(0.2);
      sent.forEach(t::send);
      assertEquals(sent, t.run().outputsLong());
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void interactivePokePeekStep(Backend backend) {
    try (Testbench tb = open(backend, new Counter(8))) {
      tb.reset();
      tb.expect("count", 0);
      tb.poke("en", 1).step(5);
      tb.expect("count", 5);
      tb.poke("en", 0).step(3);
      tb.expect("count", 5);
      tb.poke("en", 1).step(300);
      assertEquals(305 & 0xFF, tb.peekLong("count"));
      assertEquals(309, tb.cycle());
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void batchRunsCheckAnAdderTreeAgainstJava(Backend backend) {
    int width = 8;
    int depth = 3;
    try (Testbench tb = open(backend, new AdderTree(width, depth))) {
      tb.reset();
      int n = 20_000;
      long[][] x = new long[n][8];
      Stimulus st = tb.stimulus(n + depth);
      for (int c = 0; c < n; c++) {
        for (int i = 0; i < 8; i++) {
          x[c][i] = tb.random().nextInt(256);
          st.set(c, "x_" + i, x[c][i]);
        }
      }
      Outputs out = tb.run(st);
      assertEquals(n + depth, out.size());
      for (int c = 0; c < n; c++) {
        long expected = 0;
        for (long v : x[c]) {
          expected += v;
        }
        assertEquals(
            expected,
            out.getLong(c + depth, "sum"),
            "sum of cycle " + c + " appears 3 cycles later");
      }
    }
  }

  @Test
  void multiChunkBatchFilteredByValidKeepsCycleStamps() {
    try (Testbench tb = Testbench.of(new Pipeline(16, 4))) {
      tb.reset();
      long start = tb.cycle();
      int n = 300_000; // several 64K-cycle chunks: input writing and result reading overlap
      Stimulus st = tb.stimulus(n);
      List<Integer> validCycles = new ArrayList<>();
      List<Long> data = new ArrayList<>();
      Random r = tb.random();
      for (int c = 0; c < n - 4; c++) {
        if (r.nextInt(3) == 0) {
          long v = r.nextInt(1 << 16);
          st.set(c, "in_valid", 1).set(c, "in_data", v);
          validCycles.add(c);
          data.add(v);
        }
      }
      Outputs out = tb.run(st, "out_valid");
      assertEquals(validCycles.size(), out.size(), "one output per valid input, nothing else");
      for (int k = 0; k < out.size(); k++) {
        assertEquals(
            start + validCycles.get(k) + 4,
            out.cycle(k),
            "output " + k + " 4 cycles after its input");
        assertEquals((data.get(k) + 4) & 0xFFFF, out.getLong(k, "out_data"));
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void portsWiderThan64BitsRoundTrip(Backend backend) {
    try (Testbench tb = open(backend, new AdderTree(130, 1))) {
      tb.reset();
      BigInteger a = BigInteger.ONE.shiftLeft(130).subtract(BigInteger.ONE);
      BigInteger b = new BigInteger("123456789012345678901234567890123");
      tb.poke("x_0", a).poke("x_1", b).step();
      assertEquals(a.add(b), tb.peek("sum"));
    }
  }

  @Test
  void wrongExpectationFailsWithSignalCycleValuesSeedAndWaveform() throws Exception {
    try (Testbench tb = Testbench.of(new Counter(8))) {
      tb.reset();
      tb.poke("en", 1).step(4);
      AssertionError e = assertThrows(AssertionError.class, () -> tb.expect("count", 7));
      String m = e.getMessage();
      assertTrue(m.contains("'count' in cycle 5: expected 7 (0x7), got 4 (0x4)"), m);
      assertTrue(m.contains("seed: "), m);
      Matcher w = Pattern.compile("waveform: (\\S+\\.fst)").matcher(m);
      assertTrue(w.find(), m);
      Path fst = Path.of(w.group(1));
      assertTrue(Files.size(fst) > 0, "waveform written: " + fst);
    }
  }

  /** Raises out_valid only when in_valid was high 1000 cycles ago... never, within the limit. */
  static final class NeverValid extends Module {
    final Bool inValid = in("in_valid");
    final UInt inData = in("in_data", 8);
    final Bool outValid = out("out_valid");
    final UInt outData = out("out_data", 8);

    NeverValid() {
      Bool stuck = reg("stuck", false);
      stuck.next(stuck);
      outValid.assign(stuck);
      outData.assign(inData);
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void aDesignThatNeverAnswersFailsAtTheCycleLimit(Backend backend) {
    try (Testbench tb =
        Testbench.of(
            new NeverValid(),
            TestbenchOptions.defaults().withCycleLimit(500).withBackend(backend))) {
      tb.reset();
      AssertionError e =
          assertThrows(
              AssertionError.class,
              () ->
                  tb.stream()
                      .source("in_valid", null, "in_data")
                      .sink("out_valid", null, "out_data")
                      .send(1)
                      .run());
      assertTrue(
          e.getMessage().contains("did not complete within the cycle limit of 500 cycles"),
          e.getMessage());
      assertTrue(e.getMessage().contains("0 of 1 outputs seen"), e.getMessage());
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void pokingAValueThatDoesNotFitFails(Backend backend) {
    try (Testbench tb = open(backend, new Counter(4))) {
      AssertionError e = assertThrows(AssertionError.class, () -> tb.poke("en", 2));
      assertTrue(e.getMessage().contains("does not fit input 'en' (1 bits)"), e.getMessage());
      assertFalse(e.getMessage().isEmpty());
    }
  }
}

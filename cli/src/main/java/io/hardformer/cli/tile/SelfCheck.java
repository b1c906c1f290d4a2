package io.hardformer.cli.tile;

import io.hardformer.cli.designs.GeneratedUnit;
import io.hardformer.generators.catalog.SelfCheckPlan;
import io.hardformer.generators.catalog.SelfCheckPlan.ExpectedBeat;
import io.hardformer.generators.catalog.SelfCheckPlan.ExpectedPort;
import io.hardformer.testbench.Lanes;
import io.hardformer.testbench.Outputs;
import io.hardformer.testbench.Stimulus;
import io.hardformer.testbench.Stream;
import io.hardformer.testbench.StreamRun;
import io.hardformer.testbench.Testbench;
import io.hardformer.testbench.TestbenchOptions;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.function.LongUnaryOperator;

/**
 * A short Verilator run of a generated unit against its golden model, every output compared bit for
 * bit. The stimulus and the expected results come from the unit's generator ({@link SelfCheckPlan}:
 * what each design runs is described there); this class drives them. A mismatch is a failed unit (a
 * design failure), not an exception; designs without a golden model are reported as such.
 */
final class SelfCheck {
  /**
   * Applied to every expected value before it is compared (identity in production). Package-private
   * seam through which tests turn a correct unit into a mismatching one.
   */
  static LongUnaryOperator expectedValues = LongUnaryOperator.identity();

  private SelfCheck() {}

  /** Whether the unit's generator has a golden model to check against. */
  static boolean hasGoldenModel(GeneratedUnit u) {
    return u.generator().selfCheck().isPresent();
  }

  /**
   * The verdict of a unit that is not simulated ({@code why}): skipped, or no golden model when it
   * has none.
   */
  static UnitCheck notRun(String unit, GeneratedUnit u, String why) {
    return hasGoldenModel(u)
        ? new UnitCheck(unit, u.design(), UnitCheck.Status.SKIPPED, why)
        : noGoldenModel(unit, u);
  }

  private static UnitCheck noGoldenModel(String unit, GeneratedUnit u) {
    return new UnitCheck(
        unit,
        u.design(),
        UnitCheck.Status.NO_GOLDEN_MODEL,
        "not checked: " + u.design() + " has no golden model");
  }

  /** Runs the unit in Verilator against its golden model, or reports that it has none. */
  static UnitCheck run(String unit, GeneratedUnit u) {
    if (!hasGoldenModel(u)) {
      return noGoldenModel(unit, u);
    }
    SelfCheckPlan plan = u.generator().selfCheck().get().get();
    try (Testbench tb = Testbench.of(u.emitted(), TestbenchOptions.defaults())) {
      tb.reset();
      if (plan instanceof SelfCheckPlan.Vectors v) {
        vectors(tb, v);
      } else {
        streamed(tb, (SelfCheckPlan.Streamed) plan);
      }
      return new UnitCheck(unit, u.design(), UnitCheck.Status.PASSED, plan.summary());
    } catch (Mismatch m) {
      return new UnitCheck(unit, u.design(), UnitCheck.Status.FAILED, m.getMessage());
    }
  }

  /** A differing output: where, expected, got. */
  private static final class Mismatch extends RuntimeException {
    Mismatch(String message) {
      super(message, null, false, false);
    }
  }

  private static void expect(long expected, long got, String where) {
    long e = expectedValues.applyAsLong(expected);
    if (got != e) {
      throw new Mismatch(
          where + ": expected 0x" + Long.toHexString(e) + ", got 0x" + Long.toHexString(got));
    }
  }

  /**
   * One vector per cycle, back to back; results are in input order on the {@code out_valid} cycles.
   */
  private static void vectors(Testbench tb, SelfCheckPlan.Vectors plan) {
    int n = plan.inputs().size();
    int latency = tb.design().design().top().body().timing().latency();
    Stimulus st = tb.stimulus(n + latency + 1);
    for (int c = 0; c < n; c++) {
      st.set(c, "in_valid", 1);
      for (Map.Entry<String, BigInteger> e : plan.inputs().get(c).entrySet()) {
        st.set(c, e.getKey(), e.getValue());
      }
    }
    Outputs out = tb.run(st, "out_valid");
    if (out.size() != n) {
      throw new Mismatch(n + " inputs gave " + out.size() + " results (out_valid)");
    }
    for (int v = 0; v < n; v++) {
      expect(plan.expected()[v], out.getLong(v, plan.output()), plan.label().apply(v));
    }
  }

  /** Beats through a valid/ready source into a valid-only sink; every expected beat compared. */
  private static void streamed(Testbench tb, SelfCheckPlan.Streamed plan) {
    List<String> src = plan.sourcePorts();
    List<String> sink = plan.sinkPorts();
    Stream st =
        tb.stream()
            .source(src.get(0), src.get(1), src.subList(2, src.size()).toArray(new String[0]))
            .sink(sink.get(0), null, sink.subList(1, sink.size()).toArray(new String[0]));
    plan.beats().forEach(st::send);
    StreamRun run = st.expectOutputs(plan.expected().size()).run();
    for (int k = 0; k < plan.expected().size(); k++) {
      ExpectedBeat beat = plan.expected().get(k);
      BigInteger[] out = run.output(k);
      for (int p = 0; p < beat.ports().size(); p++) {
        ExpectedPort port = beat.ports().get(p);
        if (port.elementWidth() == 0) {
          expect(port.elements()[0], out[p].longValue(), port.where());
        } else {
          for (int j = 0; j < port.elements().length; j++) {
            expect(
                port.elements()[j],
                Lanes.element(out[p], j, port.elementWidth()),
                port.where() + " element " + j);
          }
        }
      }
    }
  }
}

package io.hardformer.testbench.rope;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.hardformer.generators.catalog.SelfCheckPlan;
import io.hardformer.generators.catalog.SelfCheckPlan.ExpectedPort;
import io.hardformer.generators.rope.RopeGenerator;
import io.hardformer.testbench.Lanes;
import io.hardformer.testbench.Stream;
import io.hardformer.testbench.StreamRun;
import io.hardformer.testbench.Testbench;
import java.math.BigInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The {@code rope} descriptor's self-check plan run in Verilator on the unit it builds: every
 * expected beat (y, q, out_last) matches, so the plan the tile's self-check would run is right.
 */
@Tag("verilator")
class RopeSelfCheckPlanTest {
  @Test
  void planPassesOnTheGeneratedUnit() {
    RopeGenerator g = new RopeGenerator();
    RopeGenerator.Parameters p = new RopeGenerator.Parameters(6, 10_000, 100, 1, "e5m2");
    SelfCheckPlan.Streamed plan = (SelfCheckPlan.Streamed) g.selfCheck(p).orElseThrow().get();
    try (Testbench tb = Testbench.of(g.build(p))) {
      tb.reset();
      Stream st =
          tb.stream()
              .source("in_valid", "in_ready", "x", "position")
              .sink("out_valid", null, "y", "q", "out_last");
      for (BigInteger[] beat : plan.beats()) {
        st.send(beat);
      }
      StreamRun run = st.run();
      assertEquals(plan.expected().size(), run.outputCount(), "output beats");
      for (int k = 0; k < plan.expected().size(); k++) {
        BigInteger[] got = run.output(k);
        for (int port = 0; port < 3; port++) {
          ExpectedPort e = plan.expected().get(k).ports().get(port);
          for (int j = 0; j < e.elements().length; j++) {
            long v =
                e.elementWidth() == 0
                    ? got[port].longValue()
                    : Lanes.element(got[port], j, e.elementWidth());
            assertEquals(e.elements()[j], v, e.where() + " element " + j);
          }
        }
      }
    }
  }
}

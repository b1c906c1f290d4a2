package io.hardformer.testbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.hardformer.generators.examples.Pipeline;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Backend#AUTO}: the JIT for a design whose Verilator model is not in the cache, Verilator
 * once it is; both run the same test with the same result.
 */
@Tag("verilator")
class AutoBackendTest {
  @TempDir Path cache;

  private static void threeStages(Testbench tb) {
    tb.reset();
    Stream s = tb.stream().source("in_valid", null, "in_data").sink("out_valid", null, "out_data");
    for (int i = 0; i < 50; i++) {
      s.send(i);
    }
    StreamRun run = s.run().expectLatency(3).expectInitiationInterval(1);
    for (int i = 0; i < 50; i++) {
      assertEquals((i + 3) & 0x1FFF, run.output(i)[0].intValue(), "data passes 3 increments");
    }
  }

  @Test
  void runsOnTheJitUntilTheModelIsCachedThenOnVerilator() {
    assumeTrue(
        System.getenv("HARDFORMER_CACHE") == null,
        "HARDFORMER_CACHE overrides the test's empty model cache");
    String before = System.getProperty("hardformer.cache");
    System.setProperty("hardformer.cache", cache.toString());
    try {
      TestbenchOptions auto = TestbenchOptions.defaults().withBackend(Backend.AUTO);
      try (Testbench tb = Testbench.of(new Pipeline(13, 3), auto)) {
        assertEquals(Backend.JIT, tb.backend(), "nothing is cached yet");
        threeStages(tb);
      }
      try (Testbench tb =
          Testbench.of(
              new Pipeline(13, 3), TestbenchOptions.defaults().withBackend(Backend.VERILATOR))) {
        threeStages(tb); // builds the model into the cache
      }
      try (Testbench tb = Testbench.of(new Pipeline(13, 3), auto)) {
        assertEquals(Backend.VERILATOR, tb.backend(), "the model is cached now");
        threeStages(tb);
      }
    } finally {
      if (before == null) {
        System.clearProperty("hardformer.cache");
      } else {
        System.setProperty("hardformer.cache", before);
      }
    }
  }
}

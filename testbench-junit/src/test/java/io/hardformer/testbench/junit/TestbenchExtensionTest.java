package io.hardformer.testbench.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.hardformer.generators.examples.Counter;
import io.hardformer.testbench.Testbench;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/** A user's own failing assertion gets the waveform path and seed added by the extension. */
@Tag("verilator")
class TestbenchExtensionTest {
  /** Run only through the test kit below (its name does not match Surefire's patterns). */
  static class FailingUserTest {
    @RegisterExtension final TestbenchExtension benches = new TestbenchExtension();

    @Test
    void countsWrongOnPurpose() {
      Testbench tb = benches.open(new Counter(8));
      tb.reset().poke("en", 1).step(3);
      assertEquals(4, tb.peekLong("count"), "count after 3 enabled cycles");
    }
  }

  @Test
  void userAssertionFailureCarriesWaveformAndSeed() throws Exception {
    Events events =
        EngineTestKit.engine("junit-jupiter")
            .selectors(selectClass(FailingUserTest.class))
            .execute()
            .testEvents();
    assertEquals(1, events.failed().count());
    Throwable t =
        events.failed().stream()
            .findFirst()
            .orElseThrow()
            .getPayload(org.junit.platform.engine.TestExecutionResult.class)
            .orElseThrow()
            .getThrowable()
            .orElseThrow();
    String m = t.getMessage();
    assertTrue(m.startsWith("count after 3 enabled cycles ==> expected: <4> but was: <3>"), m);
    assertTrue(m.contains("Counter at cycle 4, seed: "), m);
    Matcher w = Pattern.compile("waveform: (\\S+\\.fst)").matcher(m);
    assertTrue(w.find(), m);
    assertTrue(Files.size(Path.of(w.group(1))) > 0);
  }
}

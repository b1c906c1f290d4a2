package io.hardformer.testbench.junit;

import io.hardformer.dsl.Module;
import io.hardformer.testbench.Testbench;
import io.hardformer.testbench.TestbenchOptions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * Opens testbenches for one test and closes them after it; when the test fails with any assertion
 * (the user's own {@code assertEquals} on a peeked value included), writes a waveform of each open
 * testbench and adds its path and seed to the failure.
 *
 * <pre>{@code
 * @RegisterExtension final TestbenchExtension benches = new TestbenchExtension();
 *
 * @Test void counts() {
 *   Testbench tb = benches.open(new Counter(8));
 *   ...
 * }
 * }</pre>
 */
public final class TestbenchExtension implements TestExecutionExceptionHandler, AfterEachCallback {
  private final List<Testbench> open = new ArrayList<>();

  public Testbench open(Module top) {
    return open(top, TestbenchOptions.defaults());
  }

  public Testbench open(Module top, TestbenchOptions options) {
    Testbench tb = Testbench.of(top, options);
    open.add(tb);
    return tb;
  }

  @Override
  public void handleTestExecutionException(ExtensionContext context, Throwable failure)
      throws Throwable {
    if (!(failure instanceof AssertionError)
        || open.isEmpty()
        || String.valueOf(failure.getMessage()).contains("\n  waveform: ")) {
      throw failure;
    }
    StringBuilder sb = new StringBuilder(String.valueOf(failure.getMessage()));
    for (Testbench tb : open) {
      sb.append("\n  ")
          .append(tb.design().top())
          .append(" at cycle ")
          .append(tb.cycle())
          .append(", seed: ")
          .append(tb.seed())
          .append(" (replay with -Dhardformer.seed=")
          .append(tb.seed())
          .append(")\n  waveform: ")
          .append(tb.writeWaveform());
    }
    AssertionError wrapped = new AssertionError(sb.toString(), failure);
    wrapped.setStackTrace(failure.getStackTrace());
    throw wrapped;
  }

  @Override
  public void afterEach(ExtensionContext context) {
    for (Testbench tb : open) {
      tb.close();
    }
    open.clear();
  }
}

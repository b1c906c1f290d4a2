package io.hardformer.cli.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hardformer.cli.CliRun;
import io.hardformer.cli.ExitCodes;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** run-layer's small layer against the double reference, its JSON, and its bad-input messages. */
class RunLayerCommandTest {
  /**
   * Bound on the small layer's RMS error relative to the reference's RMS: FP8 e4m3 keeps 3 mantissa
   * bits (relative rounding error up to 2^-4 per element), and the layer quantizes each activation
   * a few times before the residual adds, so a few percent is the expected scale.
   */
  private static final double RMS_BOUND = 0.05;

  private static final String[] SMALL = {
    "run-layer",
    "llama",
    "--d-model",
    "64",
    "--heads",
    "4",
    "--kv-heads",
    "2",
    "--ffn",
    "128",
    "--seq",
    "8",
    "--decode-steps",
    "2"
  };

  /**
   * The small layer's arguments, option/value pairs in {@code more} replacing or extending them.
   */
  private static String[] small(String... more) {
    List<String> a = new ArrayList<>(List.of(SMALL));
    for (int i = 0; i < more.length; i++) {
      int at = a.indexOf(more[i]);
      boolean hasValue = i + 1 < more.length && !more[i + 1].startsWith("--");
      if (at >= 0 && hasValue) {
        a.set(at + 1, more[++i]);
      } else {
        a.add(more[i]);
        if (hasValue) {
          a.add(more[++i]);
        }
      }
    }
    return a.toArray(new String[0]);
  }

  private static void assertOneLineUsageError(CliRun r, String... expected) {
    assertEquals(ExitCodes.USAGE, r.code(), r.err());
    assertEquals("", r.out());
    List<String> lines = r.err().strip().lines().toList();
    assertEquals(1, lines.size(), r.err());
    for (String e : expected) {
      assertTrue(lines.get(0).contains(e), r.err());
    }
    assertFalse(r.err().contains("Exception"), r.err());
  }

  @Test
  void smallLayerIsCloseToTheReferenceAndNanFree() throws Exception {
    CliRun r = CliRun.of(small("--json"));
    assertEquals(ExitCodes.OK, r.code(), r.err());
    JsonNode j = new ObjectMapper().readTree(r.out());
    double rms = j.get("relative_error_rms").asDouble();
    double max = j.get("relative_error_max").asDouble();
    assertFalse(Double.isNaN(rms) || Double.isNaN(max), r.out());
    assertTrue(rms > 0 && rms < RMS_BOUND, "rms " + rms);
    assertTrue(max >= rms && max < 20 * RMS_BOUND, "max " + max);
    JsonNode phases = j.get("cycles_by_phase");
    List<String> names = new ArrayList<>();
    phases.fieldNames().forEachRemaining(names::add);
    assertEquals(List.of("prefill", "decode1", "decode2"), names);
    for (String unit : List.of("fma-array", "attention", "vector", "rmsnorm", "rope", "swiglu")) {
      assertTrue(phases.get("prefill").path(unit).asLong() > 0, unit);
      assertTrue(phases.get("decode2").path(unit).asLong() > 0, unit);
    }
    // a decode step sees one more key than the one before it: its attention takes longer
    assertTrue(
        phases.get("decode2").get("attention").asLong()
            >= phases.get("decode1").get("attention").asLong());
    long sum = 0;
    for (Iterator<JsonNode> it = j.get("cycles_by_unit").elements(); it.hasNext(); ) {
      sum += it.next().asLong();
    }
    assertEquals(j.get("total_cycles").asLong(), sum);
    double u = j.get("fma_utilization").asDouble();
    assertTrue(u > 0 && u <= 1, "utilization " + u);
  }

  @Test
  void textReportHasErrorCyclesAndUtilization() {
    CliRun r = CliRun.of(SMALL);
    assertEquals(ExitCodes.OK, r.code(), r.err());
    assertTrue(r.out().contains("relative error of the layer output"), r.out());
    assertTrue(r.out().contains("decode2"), r.out());
    assertTrue(r.out().contains("FMA-array utilization"), r.out());
    assertFalse(r.out().contains("NaN"), r.out());
  }

  @Test
  void otherSeedGivesOtherLayer() throws Exception {
    ObjectMapper m = new ObjectMapper();
    double a = m.readTree(CliRun.of(small("--json")).out()).get("relative_error_rms").asDouble();
    double b =
        m.readTree(CliRun.of(small("--json", "--seed", "7")).out())
            .get("relative_error_rms")
            .asDouble();
    assertTrue(a != b, a + " " + b);
  }

  @Test
  void badShapesAreOneLineNamingTheOption() {
    assertOneLineUsageError(CliRun.of(small("--heads", "5")), "--d-model", "--heads");
    assertOneLineUsageError(CliRun.of(small("--kv-heads", "3")), "--kv-heads");
    assertOneLineUsageError(CliRun.of(small("--d-model", "0")), "--d-model");
    assertOneLineUsageError(CliRun.of(small("--ffn", "0")), "--ffn");
    assertOneLineUsageError(CliRun.of(small("--ffn", "99999999")), "--ffn");
    assertOneLineUsageError(CliRun.of(small("--d-model", "1000000")), "--d-model");
    assertOneLineUsageError(CliRun.of(small("--seq", "0")), "--seq");
    assertOneLineUsageError(CliRun.of(small("--seq", "100000000")), "--seq");
    assertOneLineUsageError(CliRun.of(small("--decode-steps", "-1")), "--decode-steps");
    assertOneLineUsageError(CliRun.of(small("--array", "16")), "--array");
    assertOneLineUsageError(CliRun.of(small("--mode", "fast")), "--mode");
    assertOneLineUsageError(CliRun.of("run-layer", "gpt"), "unknown model 'gpt'");
  }
}

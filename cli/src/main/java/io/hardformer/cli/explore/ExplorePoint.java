package io.hardformer.cli.explore;

import com.fasterxml.jackson.databind.JsonNode;
import io.hardformer.generators.array.AccumulationAccuracy.Errors;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One point of the sweep: its configuration, its area at R x C (null when the unit table has no
 * synthesized cell for it; {@code areaNote} then says which and how to add it), its errors against
 * FP64 on Gaussian and Student-t (nu = 3) inputs, and its cycle formula. One line of {@code
 * points.jsonl}; the JSON round trip is exact (doubles are written in shortest round-trip form).
 */
public record ExplorePoint(
    int index,
    String format,
    String acc,
    int accBits,
    int promoteEvery,
    int lanes,
    int k,
    int rows,
    int cols,
    String options,
    Long transistorsPerFma,
    Double mm2,
    Long registerBits,
    String areaNote,
    Errors gaussian,
    Errors studentT3,
    String cycleFormula,
    long cyclesPerMatmul) {

  /** The error the Pareto chart uses: max |y - exact| / sum|x w| on Gaussian inputs. */
  public double paretoError() {
    return gaussian.maxRelSumAbs();
  }

  /** True when the unit table priced this point. */
  public boolean priced() {
    return transistorsPerFma != null;
  }

  /** The JSON object, keys in a fixed order. */
  public Map<String, Object> toJson() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("index", index);
    m.put("format", format);
    m.put("acc", acc);
    m.put("accBits", accBits);
    m.put("promoteEvery", promoteEvery);
    m.put("lanes", lanes);
    m.put("k", k);
    m.put("rows", rows);
    m.put("cols", cols);
    m.put("options", options);
    m.put("transistorsPerFma", transistorsPerFma);
    m.put("mm2", mm2);
    m.put("registerBits", registerBits);
    m.put("areaNote", areaNote);
    putErrors(m, "gaussian", gaussian);
    putErrors(m, "studentT3", studentT3);
    m.put("cycleFormula", cycleFormula);
    m.put("cyclesPerMatmul", cyclesPerMatmul);
    return m;
  }

  private static void putErrors(Map<String, Object> m, String prefix, Errors e) {
    m.put(prefix + "MaxRelSumAbs", e.maxRelSumAbs());
    m.put(prefix + "RmsRelSumAbs", e.rmsRelSumAbs());
    m.put(prefix + "MaxRelY", e.maxRelY());
    m.put(prefix + "RmsRelY", e.rmsRelY());
    m.put(prefix + "Outputs", e.outputs());
  }

  /**
   * Reads a point back from its JSON object.
   *
   * @throws IllegalArgumentException naming the missing key
   */
  public static ExplorePoint fromJson(JsonNode n) {
    return new ExplorePoint(
        req(n, "index").asInt(),
        req(n, "format").asText(),
        req(n, "acc").asText(),
        req(n, "accBits").asInt(),
        req(n, "promoteEvery").asInt(),
        req(n, "lanes").asInt(),
        req(n, "k").asInt(),
        req(n, "rows").asInt(),
        req(n, "cols").asInt(),
        req(n, "options").asText(),
        req(n, "transistorsPerFma").isNull() ? null : n.get("transistorsPerFma").asLong(),
        req(n, "mm2").isNull() ? null : n.get("mm2").asDouble(),
        req(n, "registerBits").isNull() ? null : n.get("registerBits").asLong(),
        req(n, "areaNote").isNull() ? null : n.get("areaNote").asText(),
        errors(n, "gaussian"),
        errors(n, "studentT3"),
        req(n, "cycleFormula").asText(),
        req(n, "cyclesPerMatmul").asLong());
  }

  private static Errors errors(JsonNode n, String prefix) {
    return new Errors(
        req(n, prefix + "MaxRelSumAbs").asDouble(),
        req(n, prefix + "RmsRelSumAbs").asDouble(),
        req(n, prefix + "MaxRelY").asDouble(),
        req(n, prefix + "RmsRelY").asDouble(),
        req(n, prefix + "Outputs").asInt());
  }

  private static JsonNode req(JsonNode n, String key) {
    JsonNode v = n.get(key);
    if (v == null) {
      throw new IllegalArgumentException("a point has no '" + key + "'");
    }
    return v;
  }
}

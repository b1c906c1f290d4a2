package io.hardformer.generators.activation;

import java.util.LinkedHashMap;
import java.util.Map;

/** The manifest sections of an elementwise activation unit ({@code gelu}, {@code swiglu}). */
final class ActivationManifest {
  private ActivationManifest() {}

  static Map<String, Object> of(
      String inputs,
      int latency,
      String stages,
      String algorithm,
      String accuracy,
      String specials) {
    Map<String, Object> m = new LinkedHashMap<>();
    Map<String, Object> protocol = new LinkedHashMap<>();
    protocol.put(
        "input",
        "valid/ready, one beat of L lanes: "
            + inputs
            + " (lane e in bits [32e+31:32e], FP32); in_last marks a row's last beat; in_ready is always 1");
    protocol.put(
        "output",
        "valid-only: y[32L-1:0] (FP32) and q[8L-1:0] (FP8, saturating RNE of y, lane e in bits "
            + "[8e+7:8e]) of one input beat, in order; out_last = that beat's in_last");
    m.put("protocol", protocol);
    Map<String, Object> cycles = new LinkedHashMap<>();
    cycles.put("latency", latency);
    cycles.put("initiationInterval", 1);
    cycles.put("stages", stages);
    m.put("cycleContract", cycles);
    Map<String, Object> n = new LinkedHashMap<>();
    n.put("algorithm", algorithm);
    n.put("accuracy", accuracy);
    n.put("specials", specials);
    m.put("numerics", n);
    m.put(
        "timingAssumption",
        "~1 GHz: per stage at most one ~30x22 multiply, one 32-bit add or one 53-bit barrel shift");
    return m;
  }
}

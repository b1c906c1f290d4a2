package io.hardformer.cli.designs;

import java.util.LinkedHashMap;
import java.util.Map;

/** The manifest section shared by the FP8 designs: the timing assumption behind the pipeline depth. */
final class Fp8Manifest {
  private Fp8Manifest() {}

  static Map<String, Object> extras(String timingAssumption) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("timingAssumption", timingAssumption);
    return m;
  }
}

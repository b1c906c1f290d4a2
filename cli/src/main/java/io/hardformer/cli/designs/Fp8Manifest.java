package io.hardformer.cli.designs;

import io.hardformer.dsl.elaborate.Design;
import io.hardformer.generators.area.GateEstimate;
import java.util.LinkedHashMap;
import java.util.Map;

/** The manifest sections shared by the FP8 designs: area figures and the timing assumption. */
final class Fp8Manifest {
  private Fp8Manifest() {}

  static Map<String, Object> area(Design design, long fmaCount) {
    double nand2 = GateEstimate.nand2(design);
    Map<String, Object> area = new LinkedHashMap<>();
    area.put("multipliers", GateEstimate.multipliers(design));
    area.put("fmaCount", fmaCount);
    area.put("nand2Equivalents", Math.round(nand2));
    area.put("transistors", Math.round(4 * nand2));
    area.put("method", "pre-synthesis IR estimate (operator gate counts x instances); conservative: "
        + "1.4-2.0x a Yosys synthesis against hardformer_nand2.lib for the FP8 units (docs/BENCHMARKS.md)");
    return area;
  }

  static Map<String, Object> extras(Design design, long fmaCount, String timingAssumption) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("area", area(design, fmaCount));
    m.put("timingAssumption", timingAssumption);
    return m;
  }
}

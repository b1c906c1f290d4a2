package io.hardformer.generators.array;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The FMA array's manifest sections: protocol, cycle contract, numerics (area: see FmaArrayArea).
 */
public final class FmaArrayManifest {
  private FmaArrayManifest() {}

  /** The sections by name, in manifest order. */
  public static Map<String, Object> sections(FmaArrayShape s) {
    Map<String, Object> m = new LinkedHashMap<>();
    Map<String, Object> protocol = new LinkedHashMap<>();
    protocol.put(
        "input",
        "valid/ready beats: w[8C-1:0] = W[k][0..C-1] (column j in bits [8j+7:8j]), "
            + "x[8R-1:0] = X[0..R-1][k] (row i in bits [8i+7:8i]), in_last on k = K-1; in_ready is low only on a "
            + "last beat less than max(R, C) cycles after the previous last beat");
    protocol.put(
        "output",
        "valid-only: one row of Y per cycle, rows 0..R-1 in order; out[W(j+1)-1:Wj] is "
            + "column j; out_last on row R-1");
    protocol.put("weights", "each weight crosses the stream once per matmul; no weight buffer");
    protocol.put(
        "accumulators",
        "double-buffered: running sum plus hold register per cell; results drain "
            + "while the next matmul runs");
    m.put("protocol", protocol);
    Map<String, Object> cycles = new LinkedHashMap<>();
    cycles.put("cyclesPerMatmul", FmaArrayShape.cycleFormula());
    cycles.put("readoutLatency", s.readoutLatency());
    cycles.put("overhead", s.overhead());
    cycles.put("latencyFromLastBeat", "C + 2 + readoutLatency = " + s.latency());
    cycles.put("minimumMatmulSpacing", s.minimumSpacing());
    cycles.put(
        "backToBack", "(count - 1) * max(K, " + s.minimumSpacing() + ") + K + " + s.overhead());
    cycles.put("utilizationAtK4096", Math.round(s.utilization(4096, 1) * 10000) / 10000.0);
    m.put("cycleContract", cycles);
    Map<String, Object> numerics = new LinkedHashMap<>();
    numerics.put("accumulation", s.mode().cliName());
    numerics.put("accumulatorBits", s.sumBits());
    numerics.put(
        "rounding",
        s.mode() == AccumulationMode.EXACT
            ? "exact sum of K products (K <= "
                + s.maxK()
                + "), rounded once to "
                + s.outFormat().cliName()
                + " (RNE); exact zero is +0"
            : "IEEE binary32 RNE after every product, starting from -0, k = 0..K-1"
                + (s.outFormat().cliName().equals("bf16") ? "; then RNE to bf16" : ""));
    m.put("numerics", numerics);
    m.put(
        "timingAssumption",
        "~1 GHz: one FP8 product per stage; the accumulate (FP32 add or wide integer add) "
            + "closes a one-cycle loop; two readout multiplexer levels per stage");
    return m;
  }
}

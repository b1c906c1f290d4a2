package io.hardformer.generators.array;

import io.hardformer.generators.floating.StagedFixedToFloat;
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
    if (s.dotCells()) {
      protocol.put(
          "lanes",
          s.lanes()
              + " consecutive k per beat: lane l of row i in x bits [8(iL+l)+7:8(iL+l)], lane l of "
              + "column j in w bits [8(jL+l)+7:8(jL+l)]; the host zero-pads the last beat when L "
              + "does not divide K");
    }
    Map<String, Object> cycles = new LinkedHashMap<>();
    boolean deeperCell = s.dotCells() || s.carrySave();
    cycles.put(
        "cyclesPerMatmul",
        deeperCell
            ? "ceil(K / L) + R + C + cellExtra + readoutLatency + 1, cellExtra = " + s.cellExtra()
            : FmaArrayShape.cycleFormula());
    cycles.put("readoutLatency", s.readoutLatency());
    cycles.put("overhead", s.overhead());
    cycles.put(
        "latencyFromLastBeat",
        (deeperCell ? "C + 2 + cellExtra + readoutLatency = " : "C + 2 + readoutLatency = ")
            + s.latency());
    cycles.put("minimumMatmulSpacing", s.minimumSpacing());
    cycles.put(
        "backToBack",
        deeperCell
            ? "(count - 1) * max(ceil(K / L), "
                + s.minimumSpacing()
                + ") + ceil(K / L) + "
                + s.overhead()
            : "(count - 1) * max(K, " + s.minimumSpacing() + ") + K + " + s.overhead());
    cycles.put("utilizationAtK4096", Math.round(s.utilization(4096, 1) * 10000) / 10000.0);
    if (s.carrySave()) {
      cycles.put(
          "pipeline",
          (s.lanes() == 1
                  ? "deep: carry-save cells (product, shift, one full-adder loop; cellExtra = 1)"
                  : "deep: carry-save dot cells ("
                      + s.lanes()
                      + " products, shift, "
                      + FmaCarrySaveDotCell.treeStages(s.lanes())
                      + "-stage 3:2 compressor tree, two full-adder loop; cellExtra = "
                      + s.cellExtra()
                      + ")")
              + ", a "
              + CarrySaveResolver.latency(s.sumBits())
              + "-stage carry-save resolver and a "
              + StagedFixedToFloat.latency(s.sumBits())
              + "-stage rounding in each column's readout");
    }
    m.put("cycleContract", cycles);
    Map<String, Object> numerics = new LinkedHashMap<>();
    numerics.put("accumulation", s.mode().cliName());
    numerics.put("accumulatorBits", s.sumBits());
    numerics.put(
        "rounding",
        s.mode() == AccumulationMode.FIXED
            ? "each beat's "
                + s.lanes()
                + " products summed exactly, kept to B = "
                + s.accBits()
                + " fraction bits below their leading bit, added to a (B + 2)-bit running sum at "
                + "the larger quantum (running maximum exponent), two's-complement truncation "
                + "(toward -Inf); "
                + (s.promotes()
                    ? "every "
                        + s.promoteEvery()
                        + " products rounded to FP32 and added (RNE) "
                        + "to an FP32 sum from -0"
                    : "rounded once (RNE) to " + s.outFormat().cliName() + ", exact zero is +0")
                + " (docs/NUMERICS.md)"
            : s.mode() == AccumulationMode.FP32 && s.lanes() > 1
                ? "each beat's "
                    + s.lanes()
                    + " products summed exactly and rounded to FP32 (RNE), then added (RNE) to "
                    + "the running sum from -0"
                    + (s.outFormat().cliName().equals("bf16") ? "; then RNE to bf16" : "")
                : s.mode() == AccumulationMode.EXACT
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

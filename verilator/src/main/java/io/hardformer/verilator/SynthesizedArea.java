package io.hardformer.verilator;

import java.util.Map;

/**
 * The result of synthesizing a design with Yosys against {@code hardformer_nand2.lib}: total area
 * in NAND2 equivalents and the count of each library cell.
 */
public record SynthesizedArea(
    String top, double nand2Equivalents, long flipFlops, Map<String, Long> cells) {
  public SynthesizedArea {
    cells = Map.copyOf(cells);
  }

  /** Static CMOS: about four transistors per NAND2 equivalent. */
  public double transistors() {
    return 4 * nand2Equivalents;
  }
}

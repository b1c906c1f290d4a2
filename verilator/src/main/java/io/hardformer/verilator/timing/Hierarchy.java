package io.hardformer.verilator.timing;

/**
 * How {@link TimingAnalysis} synthesizes a design before OpenSTA times it.
 *
 * <p>{@link #FLATTEN} merges every instance into the top module ({@code synth -flatten}), so Yosys
 * and ABC optimize across module boundaries; ABC then maps the whole design at once, which did not
 * finish in minutes for designs of hundreds of thousands of gates (docs/BENCHMARKS.md "Timing").
 *
 * <p>{@link #KEEP} synthesizes each distinct module once ({@code synth} without {@code -flatten},
 * ABC per module) with its ports as boundaries, and OpenSTA links the hierarchical netlist: every
 * instance of a module shares its mapped cells, and OpenSTA times every path through the instance
 * tree, including those that leave one module through an output port and end in a register of
 * another, exactly as in the flattened netlist. The result is exact for that netlist; it is an
 * upper bound on the flattened figure, since no logic is optimized across a module boundary.
 */
public enum Hierarchy {
  FLATTEN,
  KEEP;

  /**
   * Designs estimated above this many NAND2 equivalents are timed with their hierarchy kept: the
   * largest catalog designs timed flattened in minutes (fp8-dot with 32 lanes, about 47,000) stay
   * flattened, and the default tile's units (a 16x16 FMA array, an attention unit) are kept.
   */
  public static final double FLATTEN_LIMIT_NAND2 = 60_000;

  /**
   * {@link #FLATTEN} for a design estimated at most {@link #FLATTEN_LIMIT_NAND2}, else {@link
   * #KEEP}.
   */
  public static Hierarchy forEstimate(double nand2) {
    return nand2 <= FLATTEN_LIMIT_NAND2 ? FLATTEN : KEEP;
  }

  /** How the text report and the JSON name it. */
  public String label() {
    return this == FLATTEN ? "flattened" : "hierarchy kept";
  }
}

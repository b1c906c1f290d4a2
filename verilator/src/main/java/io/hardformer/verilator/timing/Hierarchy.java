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
  KEEP,
  /**
   * As {@link #KEEP}, but the netlist for OpenSTA keeps multi-bit ports whole ({@code splitnets}
   * without {@code -ports}). Yosys 0.23's {@code write_verilog} finds each port by scanning every
   * wire of its module, so a module with P single-bit ports and W wires costs P x W to write: the
   * default tile's attention unit (about 27,000 top-level port bits, modules of 10^5 to 10^6 wires
   * after mapping) was still writing its port lists after 5 minutes, the stall of issue 17. With
   * the ports whole, P is a few dozen. OpenSTA 2.0.17 reads the concatenations in instance
   * connections that this leaves. Used only above {@link #WHOLE_PORTS_LIMIT_NAND2}, so the designs
   * timed before keep their netlists and figures.
   */
  KEEP_WHOLE_PORTS;

  /**
   * Designs estimated above this many NAND2 equivalents keep their ports whole ({@link
   * #KEEP_WHOLE_PORTS}): above every design timed with single-bit ports (the 16x16 FP32 FMA array,
   * 768,583), below the default tile's attention unit (10.9 million).
   */
  public static final double WHOLE_PORTS_LIMIT_NAND2 = 2_000_000;

  /**
   * Designs estimated above this many NAND2 equivalents are timed with their hierarchy kept: the
   * largest catalog designs timed flattened in minutes (fp8-dot with 32 lanes, about 47,000) stay
   * flattened, and the default tile's units (a 16x16 FMA array, an attention unit) are kept.
   */
  public static final double FLATTEN_LIMIT_NAND2 = 60_000;

  /**
   * {@link #FLATTEN} for a design estimated at most {@link #FLATTEN_LIMIT_NAND2}, {@link #KEEP} up
   * to {@link #WHOLE_PORTS_LIMIT_NAND2}, else {@link #KEEP_WHOLE_PORTS}.
   */
  public static Hierarchy forEstimate(double nand2) {
    return nand2 <= FLATTEN_LIMIT_NAND2
        ? FLATTEN
        : nand2 <= WHOLE_PORTS_LIMIT_NAND2 ? KEEP : KEEP_WHOLE_PORTS;
  }

  /** How the text report and the JSON name it. */
  public String label() {
    return switch (this) {
      case FLATTEN -> "flattened";
      case KEEP -> "hierarchy kept";
      case KEEP_WHOLE_PORTS -> "hierarchy kept, ports whole";
    };
  }
}

package io.hardformer.generators.pipelining;

/**
 * The one statement of how the designs pipeline a reduction tree (adder trees, readout multiplexer
 * trees): a register stage after every second level and after the last level, so a tree of L levels
 * has ceil(L / 2) stages. Designs, latency formulas and area estimates all ask this class.
 */
public final class ReductionPipelining {
  private ReductionPipelining() {}

  /**
   * True when a register stage follows level {@code level} (0 = the level nearest the leaves) of a
   * tree of {@code levels} levels: after every second level and after the last.
   */
  public static boolean registeredAfter(int level, int levels) {
    return level % 2 == 1 || level == levels - 1;
  }

  /**
   * Register stages of a tree of {@code levels} levels: the levels {@link #registeredAfter} says.
   */
  public static int stages(int levels) {
    int stages = 0;
    for (int level = 0; level < levels; level++) {
      if (registeredAfter(level, levels)) {
        stages++;
      }
    }
    return stages;
  }
}

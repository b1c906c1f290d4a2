package io.hardformer.generators.fp8;

/**
 * The one statement of how the wide trees (the exact dot product's adder tree, the FMA array's readout
 * multiplexers) are pipelined: a register after every second level and after the last, so a tree of
 * {@code levels} levels has {@code ceil(levels / 2)} stages. The area model counts registers with it.
 */
public final class TreeStaging {
  private TreeStaging() {}

  /** Whether the outputs of level {@code level} (0-based) of a {@code levels}-level tree are registered. */
  public static boolean registeredAfter(int level, int levels) {
    return level % 2 == 1 || level == levels - 1;
  }

  /** Register stages of a {@code levels}-level tree: ceil(levels / 2). */
  public static int stages(int levels) {
    return (levels + 1) / 2;
  }
}

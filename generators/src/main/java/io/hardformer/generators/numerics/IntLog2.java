package io.hardformer.generators.numerics;

/** Integer logarithms for sizing hardware: levels of a binary tree, bits of an index. */
public final class IntLog2 {
  private IntLog2() {}

  /** ceil(log2 n) for n >= 1: 0 for 1, 1 for 2, 2 for 3 and 4. */
  public static int ceil(int n) {
    return n <= 1 ? 0 : 32 - Integer.numberOfLeadingZeros(n - 1);
  }
}

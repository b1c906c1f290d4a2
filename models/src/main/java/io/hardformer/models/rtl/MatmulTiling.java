package io.hardformer.models.rtl;

import io.hardformer.generators.array.FmaArrayShape;

/**
 * The tiling schedule of Y[T x N] = X[T x K] . W[K x N] over an R x C {@code fma-array} (see
 * docs/MODELS.md, "Tiling schedule"): tile (b, c) is rows {@code bR .. bR+R-1} of X (tokens) by
 * columns {@code cC .. cC+C-1} of W, streamed as K beats (beat k carries column k of the X tile and
 * row k of the W tile); tiles go row block by row block, and within a row block column block by
 * column block (one tile pass of a row block streams every weight once), back to back with no
 * bubbles. Rows beyond T and columns beyond N are zero codes and their cells count as idle.
 *
 * @param rows R, the array's rows
 * @param cols C, the array's columns
 * @param tokens T, rows of X
 * @param depth K, columns of X and rows of W
 * @param outputs N, columns of W
 */
public record MatmulTiling(int rows, int cols, int tokens, int depth, int outputs) {
  public MatmulTiling {
    if (rows < 1 || cols < 1 || tokens < 1 || depth < 1 || outputs < 1) {
      throw new IllegalArgumentException(
          String.format(
              "a tiled matmul needs positive sizes, got R=%d C=%d T=%d K=%d N=%d",
              rows, cols, tokens, depth, outputs));
    }
  }

  /** ceil(T / R): tile passes, each streaming all of W once. */
  public int rowBlocks() {
    return ceilDiv(tokens, rows);
  }

  /** ceil(N / C): tiles per pass. */
  public int colBlocks() {
    return ceilDiv(outputs, cols);
  }

  /** Tiles of the whole matmul, each one array matmul of depth K. */
  public int tiles() {
    return rowBlocks() * colBlocks();
  }

  /** Beats streamed into the array: K per tile. */
  public long beats() {
    return (long) depth * tiles();
  }

  /**
   * Cycles in which the array works on real data, counted in whole-array cycles: the T x N x K
   * useful multiply-adds over the R x C cells, rounded down. Padded rows and columns, fill and
   * drain are idle.
   */
  public long busyCycles() {
    return (long) tokens * outputs * depth / ((long) rows * cols);
  }

  /**
   * The array's cycle contract for this schedule: {@code tiles} matmuls of depth K back to back,
   * first beat accepted to last result row, inclusive.
   */
  public long contractCycles(FmaArrayShape shape) {
    return shape.cyclesBackToBack(depth, tiles());
  }

  private static int ceilDiv(int a, int b) {
    return (a + b - 1) / b;
  }
}

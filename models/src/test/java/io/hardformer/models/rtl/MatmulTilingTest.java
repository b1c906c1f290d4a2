package io.hardformer.models.rtl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The tiling schedule's counts against a brute-force walk of the tiles: every (token, output) pair
 * is covered by exactly one tile, a tile holds at most R x C real cells, and busy cycles are the
 * real multiply-adds over the array's cells.
 */
class MatmulTilingTest {
  @Test
  void tilesCoverEveryOutputOnceAndCountPaddingAsIdle() {
    int[][] cases = {
      {16, 16, 16, 384, 384}, {8, 8, 13, 384, 21}, {5, 3, 12, 1536, 7}, {32, 32, 16, 1536, 384}
    };
    for (int[] c : cases) {
      MatmulTiling m = new MatmulTiling(c[0], c[1], c[2], c[3], c[4]);
      int tiles = 0;
      long realCells = 0;
      int[][] covered = new int[m.tokens()][m.outputs()];
      for (int t0 = 0; t0 < m.tokens(); t0 += m.rows()) {
        for (int n0 = 0; n0 < m.outputs(); n0 += m.cols()) {
          tiles++;
          for (int i = t0; i < Math.min(t0 + m.rows(), m.tokens()); i++) {
            for (int j = n0; j < Math.min(n0 + m.cols(), m.outputs()); j++) {
              covered[i][j]++;
              realCells++;
            }
          }
        }
      }
      for (int[] row : covered) {
        for (int x : row) {
          assertEquals(1, x);
        }
      }
      assertEquals(tiles, m.tiles());
      assertEquals((long) tiles * m.depth(), m.beats());
      assertEquals(realCells * m.depth() / ((long) m.rows() * m.cols()), m.busyCycles());
    }
  }
}

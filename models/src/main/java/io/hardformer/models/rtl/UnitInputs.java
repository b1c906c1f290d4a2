package io.hardformer.models.rtl;

/**
 * The shape checks of the unit calls: a call whose operands do not fit fails before anything is
 * streamed, naming the call's label, the operand and the sizes.
 */
final class UnitInputs {
  private UnitInputs() {}

  /** X is T x K, W is K x N, all FP8 codes; T, K, N at least 1. */
  static void matmul(String what, int[][] x, int[][] w) {
    require(x.length > 0 && w.length > 0 && w[0].length > 0, what, "matmul of an empty matrix");
    int k = w.length;
    int n = w[0].length;
    rect(what, "x", x, k);
    rect(what, "w", w, n);
  }

  /** q is T x D, k and v are S x D, 1 <= keys[t] <= S. */
  static void attention(String what, int dim, int[][] q, int[][] k, int[][] v, int[] keys) {
    require(q.length > 0, what, "attention with no query");
    require(
        k.length > 0 && k.length == v.length, what, "k has " + k.length + " rows, v " + v.length);
    require(
        keys.length == q.length, what, keys.length + " key counts for " + q.length + " queries");
    rect(what, "q", q, dim);
    rect(what, "k", k, dim);
    rect(what, "v", v, dim);
    for (int t = 0; t < keys.length; t++) {
      int n = keys[t];
      require(n >= 1 && n <= k.length, what, "keys[" + t + "] = " + n + ", not in 1.." + k.length);
    }
  }

  /** x is T x D FP32 codes, D even, one position in 0..maxPosition per row. */
  static void rope(String what, int[][] x, int[] positions, int maxPosition) {
    require(x.length > 0, what, "rope of no rows");
    require(
        positions.length == x.length,
        what,
        positions.length + " positions for " + x.length + " rows");
    int d = x[0].length;
    require(d >= 2 && d % 2 == 0, what, "head rows of " + d + " elements; D must be even, >= 2");
    for (int t = 0; t < x.length; t++) {
      require(
          x[t].length == d, what, "x[" + t + "] has " + x[t].length + " elements, expected " + d);
      require(
          positions[t] >= 0 && positions[t] <= maxPosition,
          what,
          "positions[" + t + "] = " + positions[t] + ", not in 0.." + maxPosition);
    }
  }

  private static void rect(String what, String name, int[][] m, int cols) {
    for (int r = 0; r < m.length; r++) {
      require(
          m[r].length == cols,
          what,
          name + "[" + r + "] has " + m[r].length + " elements, expected " + cols);
      for (int c = 0; c < cols; c++) {
        int code = m[r][c];
        require(
            code >= 0 && code <= 0xFF,
            what,
            name + "[" + r + "][" + c + "] = " + code + " is not an FP8 code (0..255)");
      }
    }
  }

  private static void require(boolean ok, String what, String message) {
    if (!ok) {
      throw new IllegalArgumentException(what + ": " + message);
    }
  }
}

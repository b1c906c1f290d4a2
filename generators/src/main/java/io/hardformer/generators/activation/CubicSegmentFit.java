package io.hardformer.generators.activation;

import java.util.function.DoubleUnaryOperator;

/**
 * Fits a function on [0, 2^rangeLog2) by one cubic per segment of width 2^-segmentBits, each the
 * interpolant at the four Chebyshev nodes of its segment (within a small factor of the minimax
 * cubic), in the segment's local coordinate t in [0, 1): h(segment + t) ~ a0 + t (a1 + t (a2 + t
 * a3)). Coefficients are rounded to integers in units of 2^-fractionBits. StrictMath only, so the
 * table (and the Verilog built from it) is the same on every machine.
 */
public final class CubicSegmentFit {
  private CubicSegmentFit() {}

  /** {@code [segment][j]} = a_j x 2^fractionBits, rounded to nearest. */
  public static long[][] fit(
      DoubleUnaryOperator h, int rangeLog2, int segmentBits, int fractionBits) {
    int segments = 1 << (rangeLog2 + segmentBits);
    double width = StrictMath.scalb(1.0, -segmentBits);
    long[][] table = new long[segments][];
    for (int i = 0; i < segments; i++) {
      double[][] system = new double[4][5];
      for (int k = 0; k < 4; k++) {
        double t = 0.5 - 0.5 * StrictMath.cos((2 * k + 1) * StrictMath.PI / 8);
        double power = 1;
        for (int j = 0; j < 4; j++) {
          system[k][j] = power;
          power *= t;
        }
        system[k][4] = h.applyAsDouble((i + t) * width);
      }
      double[] a = solve(system);
      long[] row = new long[4];
      for (int j = 0; j < 4; j++) {
        row[j] = StrictMath.round(StrictMath.scalb(a[j], fractionBits));
      }
      table[i] = row;
    }
    return table;
  }

  /** Gaussian elimination of a 4 x 4 system given as rows [m | rhs] (Vandermonde, well posed). */
  private static double[] solve(double[][] m) {
    int n = m.length;
    for (int c = 0; c < n; c++) {
      for (int r = c + 1; r < n; r++) {
        double f = m[r][c] / m[c][c];
        for (int j = c; j <= n; j++) {
          m[r][j] -= f * m[c][j];
        }
      }
    }
    double[] x = new double[n];
    for (int c = n - 1; c >= 0; c--) {
      double s = m[c][n];
      for (int j = c + 1; j < n; j++) {
        s -= m[c][j] * x[j];
      }
      x[c] = s / m[c][c];
    }
    return x;
  }
}

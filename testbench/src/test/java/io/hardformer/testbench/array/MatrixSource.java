package io.hardformer.testbench.array;

import io.hardformer.generators.numerics.Fp8Format;
import java.util.Random;

/**
 * Random FP8 matrices for the FMA-array tests, by kind: finite codes with a sprinkle of NaN/Inf,
 * wide dynamic range (max normals beside subnormals: rounding and ties in FP32 accumulation), exact
 * cancellation (products that sum to zero: the sign of zero), and signed zeros only.
 */
final class MatrixSource {
  enum Kind {
    FINITE_WITH_SPECIALS,
    WIDE_RANGE,
    CANCELLATION,
    ZEROS
  }

  private final Fp8Format f;
  private final Random r;

  MatrixSource(Fp8Format f, long seed) {
    this.f = f;
    this.r = new Random(seed);
  }

  /** One matmul's operands: {@code [0]} is X (R x K), {@code [1]} is W (K x C). */
  int[][][] matmul(Kind kind, int rows, int cols, int k) {
    int[][] x = new int[rows][k];
    int[][] w = new int[k][cols];
    for (int i = 0; i < rows; i++) {
      for (int t = 0; t < k; t++) {
        x[i][t] = code(kind, k);
      }
    }
    for (int t = 0; t < k; t++) {
      for (int j = 0; j < cols; j++) {
        w[t][j] = code(kind, k);
      }
    }
    if (kind == Kind.CANCELLATION && k >= 2) {
      // pair beat t with beat t+1: x equal, w negated, so every product pair cancels exactly
      for (int t = 0; t + 1 < k; t += 2) {
        for (int i = 0; i < rows; i++) {
          x[i][t + 1] = x[i][t];
        }
        for (int j = 0; j < cols; j++) {
          w[t + 1][j] = w[t][j] ^ 0x80;
        }
      }
    }
    return new int[][][] {x, w};
  }

  private int code(Kind kind, int k) {
    switch (kind) {
      case ZEROS:
        return r.nextBoolean() ? 0x00 : 0x80;
      case WIDE_RANGE:
        {
          int sign = r.nextBoolean() ? 0x80 : 0;
          switch (r.nextInt(5)) {
            case 0:
              return sign | f.maxNormalCode();
            case 1:
              return sign | 1; // smallest subnormal
            case 2:
              return sign | (1 << f.mantissaBits()) * (f.bias()); // 1.0
            case 3:
              return sign | (r.nextInt(1 << f.mantissaBits())); // subnormal or zero
            default:
              return finite();
          }
        }
      case CANCELLATION:
        return finite();
      default:
        {
          int roll = r.nextInt(Math.max(64, 8 * k));
          if (roll == 0) {
            return f.canonicalNaN() | (r.nextBoolean() ? 0x80 : 0);
          }
          if (roll == 1) {
            return f.hasInfinities()
                ? 0x7C | (r.nextBoolean() ? 0x80 : 0)
                : f.maxNormalCode() | 0x80;
          }
          if (roll == 2) {
            return r.nextBoolean() ? 0 : 0x80;
          }
          return finite();
        }
    }
  }

  private int finite() {
    while (true) {
      int c = r.nextInt(256);
      if (!f.isNaN(c) && !f.isInfinite(c)) {
        return c;
      }
    }
  }
}

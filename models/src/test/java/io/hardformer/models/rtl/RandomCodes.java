package io.hardformer.models.rtl;

import io.hardformer.generators.numerics.Fp8Format;
import java.util.Random;

/**
 * Random FP8 operand matrices for the rtl tests: finite codes of bounded magnitude, with a sprinkle
 * of signed zeros, subnormals and max normals (for a matmul, where FP32 rounding matters).
 */
final class RandomCodes {
  private final Fp8Format f;
  private final Random r;

  RandomCodes(Fp8Format f, long seed) {
    this.f = f;
    this.r = new Random(seed);
  }

  /** A rows x cols matrix of finite codes with specials mixed in. */
  int[][] matrix(int rows, int cols) {
    int[][] m = new int[rows][cols];
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < cols; j++) {
        m[i][j] = code();
      }
    }
    return m;
  }

  /** A rows x cols matrix of finite codes with |value| at most 2^maxLog2. */
  int[][] bounded(int rows, int cols, int maxLog2) {
    int[][] m = new int[rows][cols];
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < cols; j++) {
        while (true) {
          int c = r.nextInt(256);
          if (finite(c) && Math.abs(f.toDouble(c)) <= Math.scalb(1.0, maxLog2)) {
            m[i][j] = c;
            break;
          }
        }
      }
    }
    return m;
  }

  int nextInt(int bound) {
    return r.nextInt(bound);
  }

  private int code() {
    int sign = r.nextBoolean() ? 0x80 : 0;
    switch (r.nextInt(20)) {
      case 0:
        return sign; // a signed zero
      case 1:
        return sign | f.maxNormalCode();
      case 2:
        return sign | (1 + r.nextInt((1 << f.mantissaBits()) - 1)); // a subnormal
      default:
        while (true) {
          int c = r.nextInt(256);
          if (finite(c)) {
            return c;
          }
        }
    }
  }

  private boolean finite(int c) {
    return !f.isNaN(c) && !f.isInfinite(c);
  }
}

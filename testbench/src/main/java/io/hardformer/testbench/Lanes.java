package io.hardformer.testbench;

import java.math.BigInteger;

/**
 * Packing of vector ports: element i of a {@code width}-bit-per-element port occupies bits
 * [width(i+1)-1 : width i] (element 0 in the low bits), as every generator documents its ports.
 */
public final class Lanes {
  private Lanes() {}

  /** Bytes (FP8 codes, element 0 first) as one port value. */
  public static BigInteger pack8(int[] codes) {
    byte[] be = new byte[codes.length + 1];
    for (int i = 0; i < codes.length; i++) {
      be[codes.length - i] = (byte) codes[i];
    }
    return new BigInteger(be);
  }

  /** Rows of bytes, row-major (row 0 element 0 first), as one port value. */
  public static BigInteger pack8(int[][] rows) {
    int[] flat = new int[rows.length * rows[0].length];
    for (int i = 0; i < rows.length; i++) {
      System.arraycopy(rows[i], 0, flat, i * rows[0].length, rows[0].length);
    }
    return pack8(flat);
  }

  /** Element {@code index} of a port value with {@code width}-bit elements. */
  public static long element(BigInteger word, int index, int width) {
    return word.shiftRight(index * width)
        .and(BigInteger.ONE.shiftLeft(width).subtract(BigInteger.ONE))
        .longValue();
  }
}

package io.hardformer.models.rtl;

import java.math.BigInteger;

/**
 * What a {@link RowStream} drives on one payload field of a unit's input, beat by beat: lanes of a
 * matrix row, one value per row, or a constant.
 */
sealed interface RowField {
  /** The field's value on beat {@code beat} of row {@code row}, with {@code lanes} lanes a beat. */
  BigInteger value(int row, int beat, int lanes);

  /**
   * Elements {@code beat*lanes .. beat*lanes+lanes-1} of {@code rows[row]}, {@code bits} each,
   * element e of the beat in bits [bits(e+1)-1 : bits e]; lanes past the row's end are zero.
   */
  record Lanes(int bits, int[][] rows) implements RowField {
    @Override
    public BigInteger value(int row, int beat, int lanes) {
      long mask = bits >= 64 ? -1L : (1L << bits) - 1;
      int[] r = rows[row];
      BigInteger word = BigInteger.ZERO;
      for (int e = lanes - 1; e >= 0; e--) {
        int c = beat * lanes + e;
        long v = c < r.length ? r[c] & mask : 0;
        word = word.shiftLeft(bits).or(BigInteger.valueOf(v));
      }
      return word;
    }
  }

  /** {@code values[row]} on every beat of the row (a position, a per-row scale). */
  record PerRow(long[] values) implements RowField {
    @Override
    public BigInteger value(int row, int beat, int lanes) {
      return BigInteger.valueOf(values[row]);
    }
  }

  /** The same value on every beat (an option held for the whole run). */
  record Constant(long value) implements RowField {
    @Override
    public BigInteger value(int row, int beat, int lanes) {
      return BigInteger.valueOf(value);
    }
  }
}

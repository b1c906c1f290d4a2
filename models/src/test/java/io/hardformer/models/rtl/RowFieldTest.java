package io.hardformer.models.rtl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/**
 * Lane packing of the row runner: element e of a beat in bits [w(e+1)-1 : we], zero past the row.
 */
class RowFieldTest {
  @Test
  void lanesPackLowElementFirstAndPadWithZeros() {
    int[][] rows = {{0x11, 0x22, 0x33, 0x44, 0x55}, {0xAA, 0xBB, 0xCC, 0xDD, 0xEE}};
    RowField f = new RowField.Lanes(8, rows);
    assertEquals(new BigInteger("44332211", 16), f.value(0, 0, 4));
    assertEquals(new BigInteger("55", 16), f.value(0, 1, 4));
    assertEquals(new BigInteger("EE", 16), f.value(1, 1, 4));
  }

  @Test
  void thirtyTwoBitLanesKeepTheSignBitUnsigned() {
    int[][] rows = {{0x80000000, 0xFFFFFFFF, 7}};
    RowField f = new RowField.Lanes(32, rows);
    BigInteger word = f.value(0, 0, 3);
    assertEquals(new BigInteger("00000007FFFFFFFF80000000", 16), word);
    assertEquals(BigInteger.valueOf(5), new RowField.PerRow(new long[] {4, 5}).value(1, 3, 2));
  }
}

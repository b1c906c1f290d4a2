package io.hardformer.rtl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/**
 * The constant rule of {@link ExpressionRenderer#literal}: decimal below 256, hex from 256 and for
 * masks.
 */
class LiteralFormatTest {
  private static String lit(int width, long value) {
    return ExpressionRenderer.literal(width, BigInteger.valueOf(value));
  }

  @Test
  void singleBitsAreBinary() {
    assertEquals("1'b0", lit(1, 0));
    assertEquals("1'b1", lit(1, 1));
  }

  @Test
  void smallValuesAreDecimal() {
    assertEquals("10'd1", lit(10, 1));
    assertEquals("8'd127", lit(8, 127));
    assertEquals("32'd255", lit(32, 255));
    assertEquals("4'd15", lit(4, 15));
  }

  @Test
  void largeValuesAndMasksAreHexPaddedToTheWidth() {
    assertEquals("32'h7FC00000", lit(32, 0x7FC00000L));
    assertEquals("32'h00000100", lit(32, 256));
    assertEquals("9'h1FF", lit(9, 511));
    assertEquals("8'hFF", lit(8, 255));
    assertEquals(
        "66'h08000000000000000", ExpressionRenderer.literal(66, BigInteger.ONE.shiftLeft(63)));
  }
}

package io.hardformer.rtl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * {@link ChunkedTextWriter} returns exactly what was written, across chunk boundaries, for every
 * kind of write and for characters outside Latin-1 (a surrogate pair split between two writes).
 */
class ChunkedTextWriterTest {
  @Test
  void shortTextIsReturnedAsWritten() {
    ChunkedTextWriter w = new ChunkedTextWriter();
    w.write("module m;\n", 0, 10);
    w.write('x');
    assertEquals("module m;\nx", w.toString());
  }

  @Test
  void longMixedTextSurvivesChunkBoundaries() {
    StringBuilder expected = new StringBuilder();
    ChunkedTextWriter w = new ChunkedTextWriter();
    String pair = "\uD83D\uDE00"; // one character outside the BMP
    for (int i = 0; i < 20_000; i++) {
      String line = "  .p" + i + "(cell_" + i + "_a) // Mäc.java:" + i + "\n";
      expected.append(line);
      if (i % 3 == 0) {
        char[] chars = line.toCharArray();
        w.write(chars, 0, chars.length);
      } else {
        w.write(line, 0, line.length());
      }
      expected.append(pair);
      w.write(pair.charAt(0));
      w.write(pair.charAt(1));
    }
    String text = w.toString();
    assertEquals(expected.length(), text.length());
    assertEquals(expected.toString(), text);
  }
}

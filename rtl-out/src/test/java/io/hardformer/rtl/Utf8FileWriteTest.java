package io.hardformer.rtl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code EmittedDesign.writeUtf8} streams a file through a small buffer and must write the same
 * bytes as {@code String.getBytes(UTF_8)}: multi-byte characters, a pair split across its slices,
 * and a lone surrogate (written as '?').
 */
class Utf8FileWriteTest {
  @Test
  void writesTheBytesGetBytesWould(@TempDir Path dir) throws Exception {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 5000; i++) {
      text.append("wire [7:0] a").append(i).append("; // Mäc.java:").append(i).append('\n');
      if (i == 1000) {
        while (text.length() % 8192 != 8191) {
          text.append(' ');
        }
        text.append("\uD83D\uDE00"); // the pair straddles a slice boundary
      }
    }
    text.append('\uD800').append("end\n"); // a lone surrogate
    Path p = dir.resolve("m.v");
    EmittedDesign.writeUtf8(p, text.toString());
    assertArrayEquals(text.toString().getBytes(StandardCharsets.UTF_8), Files.readAllBytes(p));
  }
}

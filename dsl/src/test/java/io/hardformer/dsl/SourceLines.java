package io.hardformer.dsl;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Finds the line of a test source file that carries a {@code // MISUSE: <tag>} or {@code // LINE:
 * <tag>} marker.
 */
final class SourceLines {
  private SourceLines() {}

  static int lineOf(String testClass, String tag) {
    Path source = Path.of("src/test/java/io/hardformer/dsl/" + testClass + ".java");
    try {
      List<String> lines = Files.readAllLines(source);
      for (int i = 0; i < lines.size(); i++) {
        if (lines.get(i).contains("// MISUSE: " + tag)
            || lines.get(i).contains("// LINE: " + tag)) {
          return i + 1;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    throw new IllegalArgumentException("no marker " + tag + " in " + source);
  }
}

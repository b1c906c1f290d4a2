package io.hardformer.models.minilm;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Texts one a line, as {@code run-model --texts FILE} reads them: blank lines and lines starting
 * with {@code #} are skipped, the rest is taken as it is (stripped of surrounding whitespace). The
 * documented accuracy set ({@link #ACCURACY_SET}) is such a file.
 */
public final class SentenceSet {
  /** The accuracy set's resource, also at models/src/main/resources/ + this path. */
  public static final String ACCURACY_SET = "io/hardformer/models/minilm/sentences.txt";

  private SentenceSet() {}

  /** A text and the 1-based line it came from. */
  public record Line(int number, String text) {}

  public static List<Line> lines(String content) {
    List<Line> out = new ArrayList<>();
    String[] lines = content.split("\\R", -1);
    for (int i = 0; i < lines.length; i++) {
      String s = lines[i].strip();
      if (!s.isEmpty() && !s.startsWith("#")) {
        out.add(new Line(i + 1, s));
      }
    }
    return out;
  }

  public static List<String> parse(String content) {
    return lines(content).stream().map(Line::text).toList();
  }

  public static List<String> accuracySet() {
    try (InputStream in = SentenceSet.class.getClassLoader().getResourceAsStream(ACCURACY_SET)) {
      if (in == null) {
        throw new IllegalStateException(ACCURACY_SET + " is not on the class path");
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

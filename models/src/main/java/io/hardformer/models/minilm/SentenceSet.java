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

  public static List<String> parse(String content) {
    List<String> out = new ArrayList<>();
    for (String line : content.split("\\R", -1)) {
      String s = line.strip();
      if (!s.isEmpty() && !s.startsWith("#")) {
        out.add(s);
      }
    }
    return out;
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

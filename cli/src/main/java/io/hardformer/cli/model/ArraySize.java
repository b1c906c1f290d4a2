package io.hardformer.cli.model;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The {@code --array RxC} option of run-model and run-layer: R and C in 1..1024. */
record ArraySize(int rows, int cols) {
  private static final Pattern ARRAY = Pattern.compile("(\\d{1,4})x(\\d{1,4})");

  /** The one-line error for a value that does not parse. */
  static String error(String text) {
    return "--array: expected RxC with R and C in 1..1024, such as 16x16; got '" + text + "'";
  }

  /** {@code text} as rows x columns, or empty when it is not RxC with both in 1..1024. */
  static Optional<ArraySize> parse(String text) {
    Matcher m = ARRAY.matcher(text);
    if (!m.matches()) {
      return Optional.empty();
    }
    int rows = Integer.parseInt(m.group(1));
    int cols = Integer.parseInt(m.group(2));
    if (rows < 1 || cols < 1 || rows > 1024 || cols > 1024) {
      return Optional.empty();
    }
    return Optional.of(new ArraySize(rows, cols));
  }
}

package io.hardformer.rtl;

/** The first differing line of two texts, with a little context, for golden-file failures. */
final class GoldenDiff {
  private static final int CONTEXT = 2;

  private GoldenDiff() {}

  /** Null when the texts are equal, else where and how they first differ. */
  static String firstDifference(String expected, String actual) {
    if (expected.equals(actual)) {
      return null;
    }
    String[] e = expected.split("\n", -1);
    String[] a = actual.split("\n", -1);
    int line = 0;
    while (line < e.length && line < a.length && e[line].equals(a[line])) {
      line++;
    }
    StringBuilder sb = new StringBuilder("first difference at line ").append(line + 1).append('\n');
    for (int i = Math.max(0, line - CONTEXT); i < line; i++) {
      sb.append("    ").append(e[i]).append('\n');
    }
    sb.append("  - ").append(line < e.length ? e[line] : "<end of golden file>").append('\n');
    sb.append("  + ").append(line < a.length ? a[line] : "<end of emitted text>").append('\n');
    return sb.toString();
  }
}

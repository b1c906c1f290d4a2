package io.hardformer.dsl.ir;

/** Where in the user's Java source a piece of hardware was created: {@code Mac.java:12}. */
public record SourceLocation(String file, int line) {
  /** Used when no user frame could be found (hardware built by reflection or by our own code). */
  public static final SourceLocation UNKNOWN = new SourceLocation("<unknown>", 0);

  public SourceLocation {
    if (file == null || file.isEmpty()) {
      file = "<unknown>";
    }
  }

  @Override
  public String toString() {
    return line > 0 ? file + ":" + line : file;
  }
}

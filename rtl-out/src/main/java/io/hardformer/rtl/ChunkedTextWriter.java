package io.hardformer.rtl;

import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link Writer} that collects text in bounded chunks and joins them once at the end. A {@link
 * java.io.StringWriter} doubles its buffer as it grows and copies it again for {@code toString()},
 * so a 10 MB module allocated about three times its size; this allocates it about twice (the chunks
 * and the joined string) and keeps no buffer larger than {@value #CHUNK} characters.
 */
final class ChunkedTextWriter extends Writer {
  private static final int CHUNK = 1 << 15;

  private final List<String> chunks = new ArrayList<>();
  private final StringBuilder buffer = new StringBuilder(CHUNK + 256);

  @Override
  public void write(char[] cbuf, int off, int len) {
    buffer.append(cbuf, off, len);
    spill();
  }

  @Override
  public void write(String str, int off, int len) {
    buffer.append(str, off, off + len);
    spill();
  }

  @Override
  public void write(int c) {
    buffer.append((char) c);
    spill();
  }

  private void spill() {
    if (buffer.length() >= CHUNK) {
      chunks.add(buffer.toString());
      buffer.setLength(0);
    }
  }

  @Override
  public void flush() {}

  @Override
  public void close() {}

  /** Everything written so far, as one string. */
  @Override
  public String toString() {
    if (chunks.isEmpty()) {
      return buffer.toString();
    }
    List<String> all = new ArrayList<>(chunks);
    all.add(buffer.toString());
    return String.join("", all);
  }
}

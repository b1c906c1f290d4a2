package io.hardformer.verilator;

/**
 * Where one port sits in the harness protocol: its index among the inputs (or outputs), its width,
 * and the bytes it takes in a frame ({@code ceil(width / 8)}, little-endian). Ports wider than 64
 * bits are Verilator wide words ({@code VlWide}). {@code offset} is the port's byte offset inside
 * its frame.
 */
public record PortLayout(String name, int index, int width, int offset) {
  /** A port at the start of a frame (offset 0), for single-port encoding. */
  public PortLayout(String name, int index, int width) {
    this(name, index, width, 0);
  }

  public int bytes() {
    return (width + 7) / 8;
  }

  public boolean wide() {
    return width > 64;
  }

  public int words() {
    return (width + 31) / 32;
  }
}

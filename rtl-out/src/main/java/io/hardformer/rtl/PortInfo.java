package io.hardformer.rtl;

/** A port of the emitted top module as seen from outside: name, direction and width. */
public record PortInfo(String name, String direction, int width) {
  public boolean isInput() {
    return direction.equals("input");
  }
}

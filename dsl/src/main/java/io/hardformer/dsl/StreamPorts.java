package io.hardformer.dsl;

/**
 * Which ports a {@link Valid} or {@link Stream} interface has, and how they are named. Control
 * ports are always {@code <name>_valid}, {@code <name>_ready}, {@code <name>_first}, {@code
 * <name>_last}; payload fields are {@code <name>_<field>} by default, or just {@code <field>} with
 * {@link #bareFields()} (for designs whose data ports predate the interface: {@code x}, {@code w}
 * next to {@code in_valid}).
 *
 * @param first a first-beat marker port
 * @param last a last-beat marker port
 * @param prefixFields payload fields named {@code <name>_<field>} (else {@code <field>})
 */
public record StreamPorts(boolean first, boolean last, boolean prefixFields) {
  /** valid (+ ready), payload fields prefixed, no markers. */
  public static final StreamPorts DEFAULT = new StreamPorts(false, false, true);

  public StreamPorts withFirst() {
    return new StreamPorts(true, last, prefixFields);
  }

  public StreamPorts withLast() {
    return new StreamPorts(first, true, prefixFields);
  }

  public StreamPorts bareFields() {
    return new StreamPorts(first, last, false);
  }
}

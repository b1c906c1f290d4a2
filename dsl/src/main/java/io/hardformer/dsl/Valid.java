package io.hardformer.dsl;

/**
 * A payload qualified by a valid bit (Chisel's {@code Valid}, SpinalHDL's {@code Flow}), optionally
 * with {@code first}/{@code last} markers framing a packet of beats. As ports, {@link
 * Module#outValid} declares {@code <name>_valid}, {@code <name>_first}, {@code <name>_last} and the
 * payload's fields (see {@link StreamPorts} for their names). {@link #latency()} counts the
 * register stages this value has passed through since {@link #of} (or since the port): {@link
 * Module#pipe} adds to it.
 *
 * @param <T> the payload bundle
 */
public class Valid<T extends Bundle<T>> {
  private final String name;
  private final Bool valid;
  private final Bool first;
  private final Bool last;
  private final T payload;
  private final int latency;

  Valid(String name, Bool valid, Bool first, Bool last, T payload, int latency) {
    this.name = name;
    this.valid = valid;
    this.first = first;
    this.last = last;
    this.payload = payload;
    this.latency = latency;
  }

  /** An internal valid/payload pair, latency 0: the start of a {@link Module#pipe}. */
  public static <T extends Bundle<T>> Valid<T> of(Bool valid, T payload) {
    return new Valid<>("valid", valid, null, null, payload, 0);
  }

  /** The interface's base name (the {@code name} of {@code name_valid}). */
  public final String name() {
    return name;
  }

  public final Bool valid() {
    return valid;
  }

  public final T payload() {
    return payload;
  }

  /** The first-beat marker; fails at the call when this interface has none. */
  public final Bool first() {
    if (first == null) {
      throw new HardwareMisuseException(
          Locations.capture(),
          "'" + name + "' has no first marker; declare it" + " with StreamPorts...withFirst()");
    }
    return first;
  }

  /** The last-beat marker; fails at the call when this interface has none. */
  public final Bool last() {
    if (last == null) {
      throw new HardwareMisuseException(
          Locations.capture(),
          "'" + name + "' has no last marker; declare it" + " with StreamPorts...withLast()");
    }
    return last;
  }

  public final boolean hasFirst() {
    return first != null;
  }

  public final boolean hasLast() {
    return last != null;
  }

  /** Register stages since the start of the pipe (0 for ports and {@link #of}). */
  public final int latency() {
    return latency;
  }

  /** True in a cycle where a beat is transferred: here, whenever valid is high. */
  public Bool fire() {
    return valid;
  }
}

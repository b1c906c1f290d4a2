package io.hardformer.dsl;

import io.hardformer.dsl.ir.SignalKind;
import io.hardformer.dsl.ir.SignalRef;
import io.hardformer.dsl.ir.SourceLocation;

/**
 * A valid/ready interface (SpinalHDL's {@code Stream}, Chisel's {@code Decoupled}): the producer
 * drives valid, the payload and the markers; the consumer drives ready; a beat moves in a cycle
 * where {@link #fire()} ({@code valid && ready}). Declared with {@link Module#inStream} (this
 * module consumes: it drives {@code ready} with {@link #driveReady}) or {@link Module#outStream}
 * (this module produces; the parent drives ready).
 *
 * @param <T> the payload bundle
 */
public final class Stream<T extends Bundle<T>> extends Valid<T> {
  private final Bool ready;

  Stream(String name, Bool valid, Bool ready, Bool first, Bool last, T payload) {
    super(name, valid, first, last, payload, 0);
    this.ready = ready;
  }

  public Bool ready() {
    return ready;
  }

  /** {@code valid && ready}: a beat is transferred this cycle. */
  @Override
  public Bool fire() {
    return valid().and(ready);
  }

  /**
   * Drives ready. Only the consumer may: the module that declared this stream with {@code
   * inStream}, or the parent of a module that declared it with {@code outStream}.
   */
  public void driveReady(Bool value) {
    SourceLocation loc = Locations.capture();
    boolean readyIsOutput = ((SignalRef) ready.expr).signal().kind() == SignalKind.OUTPUT;
    boolean insideOwner = !ready.owner.isFrozen();
    if (readyIsOutput != insideOwner) {
      throw new HardwareMisuseException(
          loc,
          insideOwner
              ? "ready of output stream '"
                  + name()
                  + "' is driven by its consumer, the module that instantiates"
                  + " "
                  + ready.owner.kindName()
                  + "; inside it, read ready() and drive valid and the payload"
              : "ready of input stream '"
                  + name()
                  + "' is driven by "
                  + ready.owner.kindName()
                  + " itself; drive its valid and payload from here and read ready()");
    }
    ready.assign(value);
  }
}

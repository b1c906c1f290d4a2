package io.hardformer.dsl;

import io.hardformer.dsl.ir.ModuleBody;
import io.hardformer.dsl.ir.Signal;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One constructed module that many instances share (Chisel's {@code Definition}): the module is
 * built once, frozen, and instantiated with {@link Module#instance(String, Definition)} as often as
 * needed. The IR holds one body for all its instances; each instance gets port signals of its own,
 * reached through {@link Instance#port}. Construction, source-location capture and the elaboration
 * checks of the body then cost once instead of once per instance, which is what makes an N x N
 * array of identical cells cheap.
 *
 * <pre>{@code
 * Definition<FmaCell> cellDef = definition(() -> new FmaCell(format, mode, sumBits));
 * for (int i = 0; i < rows; i++) {
 *   Instance<FmaCell> cell = instance("cell_" + i, cellDef);
 *   cell.port(c -> c.xIn).assign(x);
 *   UInt hold = cell.port(c -> c.hold);
 * }
 * }</pre>
 *
 * <p>The body keeps the source locations of its own construction; each instance is located at its
 * {@code instance(...)} call, and its connections at their own lines.
 *
 * @param <M> the module class
 */
public final class Definition<M extends Module> {
  private final M prototype;
  private final ModuleBody body;
  private final Map<Signal, Integer> portIndex = new IdentityHashMap<>();

  private Definition(M prototype) {
    this.prototype = prototype;
    this.body = prototype.freeze();
    for (int k = 0; k < body.ports().size(); k++) {
      portIndex.put(body.ports().get(k), k);
    }
  }

  /**
   * Constructs the module once with {@code constructor} and freezes it. The module must be new: not
   * adopted as an instance, not elaborated.
   */
  static <M extends Module> Definition<M> of(Supplier<M> constructor) {
    M module = constructor.get();
    if (module == null || module.isFrozen() || module.hasParent()) {
      throw new HardwareMisuseException(
          Locations.capture(),
          "definition(...) needs a newly constructed module, e.g. definition(() -> new Cell(...)); "
              + (module == null
                  ? "the constructor returned null"
                  : "this " + module.kindName() + " is already instantiated or elaborated"));
    }
    return new Definition<>(module);
  }

  /** The module kind of every instance (its Verilog module's base name). */
  public String kindName() {
    return body.kindName();
  }

  /** The shared frozen body. */
  public ModuleBody body() {
    return body;
  }

  /**
   * The one constructed module, for the Java-side figures its constructor computed ({@code
   * d.module().latency}). Its hardware values belong to the definition, not to an instance: reach
   * an instance's ports with {@link Instance#port} (the checks reject a port read through here).
   */
  public M module() {
    return prototype;
  }

  /** The position of {@code port} among the body's ports, or -1 when it is not one of them. */
  int indexOf(Signal port) {
    Integer k = portIndex.get(port);
    return k == null ? -1 : k;
  }
}

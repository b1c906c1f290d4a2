package io.hardformer.dsl.ir;

import java.math.BigInteger;
import java.util.Objects;

/**
 * A named signal: port, wire or register. Equality is identity (two signals with the same name are
 * two signals; the duplicate-name rule reports them). Widths are stored as given, even when
 * invalid, so the width rule can report them with their location instead of failing at
 * construction.
 */
public final class Signal {
  private final String name;
  private final SignalKind kind;
  private final TypeKind type;
  private final int width;
  private final BigInteger reset;
  private final SourceLocation location;
  private final Scope scope;
  private final boolean renamable;

  public Signal(
      String name,
      SignalKind kind,
      TypeKind type,
      int width,
      BigInteger reset,
      SourceLocation location,
      Scope scope) {
    this(name, kind, type, width, reset, location, scope, false);
  }

  /**
   * @param renamable true for a wire named with {@code .named(...)}: its name is a wish, which the
   *     emitter makes unique with a suffix ({@code lz_1}) instead of reporting a duplicate
   */
  public Signal(
      String name,
      SignalKind kind,
      TypeKind type,
      int width,
      BigInteger reset,
      SourceLocation location,
      Scope scope,
      boolean renamable) {
    this.name = Objects.requireNonNull(name, "name");
    this.kind = Objects.requireNonNull(kind, "kind");
    this.type = Objects.requireNonNull(type, "type");
    this.width = width;
    this.reset = reset;
    this.location = Objects.requireNonNull(location, "location");
    this.scope = Objects.requireNonNull(scope, "scope");
    this.renamable = renamable;
    if (reset != null && kind != SignalKind.REGISTER) {
      throw new IllegalArgumentException("only registers have a reset value: " + name);
    }
  }

  public String name() {
    return name;
  }

  public SignalKind kind() {
    return kind;
  }

  public TypeKind type() {
    return type;
  }

  public int width() {
    return width;
  }

  /** The reset value as an unsigned bit pattern, or null for a register without reset. */
  public BigInteger reset() {
    return reset;
  }

  public SourceLocation location() {
    return location;
  }

  public Scope scope() {
    return scope;
  }

  /**
   * True when the name is a wish the emitter may suffix to keep it unique (a {@code .named} value).
   */
  public boolean renamable() {
    return renamable;
  }

  /** Debug form, never Verilog. */
  @Override
  public String toString() {
    return kind.name().toLowerCase() + " " + name + "[" + width + "]";
  }
}

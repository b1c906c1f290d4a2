package io.hardformer.dsl;

import io.hardformer.dsl.ir.Expr;
import io.hardformer.dsl.ir.TypeKind;
import java.util.function.BiFunction;

/**
 * A hardware type with its width: {@code HwType.uint(8)}, {@code HwType.sint(16)}, {@code
 * HwType.bool()}, {@code HwType.bits(32)}. Used to declare ports, wires and registers of any
 * family.
 *
 * @param <T> the Java class of values of this type
 */
public final class HwType<T extends Data<T>> {
  private final TypeKind kind;
  private final int width;
  private final BiFunction<Module, Expr, T> factory;

  private HwType(TypeKind kind, int width, BiFunction<Module, Expr, T> factory) {
    this.kind = kind;
    this.width = width;
    this.factory = factory;
  }

  public static HwType<UInt> uint(int width) {
    return new HwType<>(TypeKind.UINT, width, UInt::new);
  }

  public static HwType<SInt> sint(int width) {
    return new HwType<>(TypeKind.SINT, width, SInt::new);
  }

  public static HwType<Bits> bits(int width) {
    return new HwType<>(TypeKind.BITS, width, Bits::new);
  }

  public static HwType<Bool> bool() {
    return new HwType<>(TypeKind.BOOL, 1, Bool::new);
  }

  public TypeKind kind() {
    return kind;
  }

  public int width() {
    return width;
  }

  /** The same family at another width ({@code Bool} stays 1 bit). */
  public HwType<T> withWidth(int newWidth) {
    return kind == TypeKind.BOOL ? this : new HwType<>(kind, newWidth, factory);
  }

  T wrap(Module owner, Expr expr) {
    return factory.apply(owner, expr);
  }

  @Override
  public String toString() {
    return kind == TypeKind.BOOL
        ? "Bool"
        : kind.name().charAt(0) + kind.name().substring(1).toLowerCase() + "(" + width + ")";
  }
}

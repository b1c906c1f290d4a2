package io.hardformer.dsl;

import io.hardformer.dsl.ir.TypeKind;
import java.util.List;

/**
 * The shape of a {@link Bundle}: its leaf fields in declaration order, each with its path (nested
 * names joined by {@code _}), family and width. Packed into bits with the first field in the least
 * significant bits (as Amaranth's {@code Struct}). Two bundles can be muxed or assigned when their
 * layouts are equal.
 *
 * @param name the bundle class's simple name, for messages
 * @param fields the leaves in declaration order
 */
public record BundleLayout(String name, List<Field> fields) {
  /** One leaf field. */
  public record Field(String path, TypeKind kind, int width) {
    @Override
    public String toString() {
      return path
          + ":"
          + (kind == TypeKind.BOOL
              ? "Bool"
              : kind.name().charAt(0) + kind.name().substring(1).toLowerCase() + "(" + width + ")");
    }
  }

  public BundleLayout {
    fields = List.copyOf(fields);
  }

  /** Total width in bits. */
  public int width() {
    return fields.stream().mapToInt(Field::width).sum();
  }

  /** True when both have the same fields (paths, families and widths) in the same order. */
  public boolean sameFieldsAs(BundleLayout other) {
    return fields.equals(other.fields);
  }

  @Override
  public String toString() {
    return name + fields;
  }
}

package io.hardformer.dsl;

import java.util.ArrayList;
import java.util.List;

/**
 * Declares the fields of a {@link Bundle}; passed to the bundle's constructor, which calls one
 * method per field in the order the fields should have (first field = least significant bits when
 * packed):
 *
 * <pre>{@code
 * public final class Fp32 extends Bundle<Fp32> {
 *   public static final BundleType<Fp32> LAYOUT = BundleType.of(Fp32::new);
 *   public final UInt fraction;
 *   public final UInt exponent;
 *   public final Bool sign;
 *   private Fp32(Fields f) {
 *     super(f);
 *     fraction = f.uint("fraction", 23);
 *     exponent = f.uint("exponent", 8);
 *     sign = f.bool("sign");
 *   }
 * }
 * }</pre>
 *
 * Each field becomes a signal {@code <bundle name>_<field>} when the bundle is declared as a port,
 * wire or register, a slice when it is a view over bits, and so on; the bundle class does not know
 * which.
 */
public final class Fields {
  private final BundleType<?> type;
  private final String prefix;
  private final String layoutPrefix;
  private final FieldMaker maker;
  private final List<Data<?>> leaves = new ArrayList<>();
  private final List<BundleLayout.Field> layout = new ArrayList<>();
  private final List<String> names = new ArrayList<>();

  Fields(BundleType<?> type, String prefix, FieldMaker maker) {
    this(type, prefix, "", maker);
  }

  private Fields(BundleType<?> type, String prefix, String layoutPrefix, FieldMaker maker) {
    this.type = type;
    this.prefix = prefix;
    this.layoutPrefix = layoutPrefix;
    this.maker = maker;
  }

  public UInt uint(String name, int width) {
    return field(name, HwType.uint(width));
  }

  public SInt sint(String name, int width) {
    return field(name, HwType.sint(width));
  }

  public Bool bool(String name) {
    return field(name, HwType.bool());
  }

  public Bits bits(String name, int width) {
    return field(name, HwType.bits(width));
  }

  /** A field of any family. */
  public <T extends Data<T>> T field(String name, HwType<T> type) {
    checkName(name);
    T leaf = maker.make(join(prefix, name), type);
    leaves.add(leaf);
    layout.add(new BundleLayout.Field(join(layoutPrefix, name), type.kind(), type.width()));
    return leaf;
  }

  /** {@code count} fields {@code name_0 ... name_<count-1>}, the first in the lower bits. */
  public <T extends Data<T>> Vec<T> vec(String name, int count, HwType<T> type) {
    List<T> items = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      items.add(field(name + "_" + i, type));
    }
    return Vec.of(items);
  }

  /** A nested bundle; its fields are named {@code name_<field>}. */
  public <C extends Bundle<C>> C bundle(String name, BundleType<C> nested) {
    checkName(name);
    Fields inner = new Fields(nested, join(prefix, name), join(layoutPrefix, name), maker);
    C child = nested.construct(inner);
    leaves.addAll(inner.leaves);
    layout.addAll(inner.layout);
    return child;
  }

  private void checkName(String name) {
    if (name == null || !name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
      throw new HardwareMisuseException(
          Locations.capture(),
          "'"
              + name
              + "' is not a legal field name: use"
              + " letters, digits and '_', starting with a letter or '_'");
    }
    if (names.contains(name)) {
      throw new HardwareMisuseException(
          Locations.capture(),
          "field '"
              + name
              + "' is declared twice in "
              + type.name()
              + "; give each field its own name");
    }
    names.add(name);
  }

  private static String join(String prefix, String name) {
    return prefix.isEmpty() ? name : prefix + "_" + name;
  }

  BundleType<?> type() {
    return type;
  }

  List<Data<?>> leaves() {
    return List.copyOf(leaves);
  }

  BundleLayout layout() {
    return new BundleLayout(type.name(), layout);
  }
}

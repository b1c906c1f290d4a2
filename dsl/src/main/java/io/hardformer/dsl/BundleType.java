package io.hardformer.dsl;

import io.hardformer.dsl.ir.Expr;
import io.hardformer.dsl.ir.Literal;
import io.hardformer.dsl.ir.SliceExpr;
import io.hardformer.dsl.ir.SourceLocation;
import java.math.BigInteger;
import java.util.Iterator;
import java.util.List;
import java.util.function.Function;

/**
 * A bundle class together with its parameters: what {@code in}, {@code out}, {@code wire}, {@code
 * reg}, {@link Data#as} and {@link Module#mux(Bool, Bundle, Bundle)} need to build a bundle of that
 * layout. {@code BundleType.of(Fp32::new)}, or {@code BundleType.of(f -> new Beat(f, rows, cols))}
 * for a parameterized bundle.
 *
 * @param <B> the bundle class
 */
public final class BundleType<B extends Bundle<B>> {
  private final Function<Fields, B> factory;
  private String name;
  private BundleLayout layout;

  private BundleType(Function<Fields, B> factory) {
    this.factory = factory;
  }

  public static <B extends Bundle<B>> BundleType<B> of(Function<Fields, B> factory) {
    return new BundleType<>(factory);
  }

  /** The layout, measured once by building the bundle over placeholders. */
  public BundleLayout layout() {
    if (layout == null) {
      layout = probe().layout();
    }
    return layout;
  }

  /**
   * A bundle of placeholders: only for measuring the layout and naming fields, never for hardware.
   */
  B probe() {
    return build(
        "",
        new FieldMaker() {
          @Override
          public <T extends Data<T>> T make(String path, HwType<T> type) {
            return type.wrap(
                null, new Literal(BigInteger.ZERO, type.width(), false, SourceLocation.UNKNOWN));
          }
        });
  }

  /** Total width in bits. */
  public int width() {
    return layout().width();
  }

  /** The bundle class's simple name. */
  public String name() {
    return name == null ? "bundle" : name;
  }

  B construct(Fields fields) {
    B b = factory.apply(fields);
    if (b.fields() != fields) {
      throw new HardwareMisuseException(
          Locations.capture(),
          b.getClass().getSimpleName()
              + " was not built from the Fields passed to its factory; pass them to super(fields)");
    }
    if (name == null) {
      name = b.getClass().getSimpleName();
    }
    return b;
  }

  B build(String prefix, FieldMaker maker) {
    return construct(new Fields(this, prefix, maker));
  }

  /**
   * A view: the fields as slices of {@code bits}, the first field in the least significant bits.
   */
  B view(Module owner, Expr bits) {
    int[] offset = {0};
    return build(
        "",
        new FieldMaker() {
          @Override
          public <T extends Data<T>> T make(String path, HwType<T> type) {
            int lo = offset[0];
            offset[0] += type.width();
            return type.wrap(
                owner, new SliceExpr(bits, lo + type.width() - 1, lo, Locations.capture()));
          }
        });
  }

  /** A bundle whose leaves are {@code exprs}, in layout order (widths already checked equal). */
  B fromLeaves(Module owner, List<Expr> exprs) {
    Iterator<Expr> it = exprs.iterator();
    return build(
        "",
        new FieldMaker() {
          @Override
          public <T extends Data<T>> T make(String path, HwType<T> type) {
            return type.wrap(owner, it.next());
          }
        });
  }

  @Override
  public String toString() {
    return layout().toString();
  }
}

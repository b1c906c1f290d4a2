package io.hardformer.dsl;

import io.hardformer.dsl.ir.Expr;
import io.hardformer.dsl.ir.SourceLocation;
import java.util.ArrayList;
import java.util.List;

/**
 * A record of named hardware fields (UInt, SInt, Bool, Bits, Vec or nested bundles), declared by a
 * subclass whose constructor takes {@link Fields} (see there for an example). A bundle lowers to
 * one signal per leaf, named {@code <name>_<field>}: {@code in("acc", Fp32.LAYOUT)} declares {@code
 * acc_fraction}, {@code acc_exponent}, {@code acc_sign}. Bundles are ports, wires and registers
 * ({@link Module#in(String, BundleType)} and friends), mux arms ({@link Module#mux(Bool, Bundle,
 * Bundle)}), and are driven whole with {@link #assign} / {@link #next}. {@link Data#as} views a bit
 * vector as a bundle; {@link #asUInt} packs one back (first field in the least significant bits).
 *
 * @param <B> the bundle's own class
 */
public abstract class Bundle<B extends Bundle<B>> {
  private final Fields fields;

  protected Bundle(Fields fields) {
    this.fields = fields;
  }

  final Fields fields() {
    return fields;
  }

  /** The type that built this bundle: the same class with the same parameters. */
  @SuppressWarnings("unchecked")
  public final BundleType<B> type() {
    return (BundleType<B>) fields.type();
  }

  /** Leaf fields and their widths, in declaration order. */
  public final BundleLayout layout() {
    return fields.layout();
  }

  /** The leaf values in declaration order (nested bundles flattened). */
  public final List<Data<?>> leaves() {
    return fields.leaves();
  }

  public final int width() {
    return layout().width();
  }

  /** All fields packed into one vector, the first field in the least significant bits. */
  public final UInt asUInt() {
    List<Data<?>> leaves = leaves();
    Data<?> top = leaves.get(leaves.size() - 1);
    Data<?>[] rest = new Data<?>[leaves.size() - 1];
    for (int i = 0; i < rest.length; i++) {
      rest[i] = leaves.get(leaves.size() - 2 - i);
    }
    return top.cat(rest);
  }

  /** Drives every field of this bundle (wires, output ports, child inputs) from {@code value}'s. */
  public final void assign(B value) {
    drive(value, "assign");
  }

  /** Sets the next value of every field of this register bundle from {@code value}'s. */
  public final void next(B value) {
    drive(value, "next");
  }

  private void drive(B value, String verb) {
    SourceLocation loc = Locations.capture();
    checkSameLayout(loc, verb, this, value);
    List<Data<?>> targets = leaves();
    List<Data<?>> sources = value.leaves();
    for (int i = 0; i < targets.size(); i++) {
      driveLeaf(targets.get(i), sources.get(i), verb);
    }
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static void driveLeaf(Data target, Data source, String verb) {
    if (verb.equals("assign")) {
      target.assign(source);
    } else {
      target.next(source);
    }
  }

  static void checkSameLayout(SourceLocation loc, String what, Bundle<?> a, Bundle<?> b) {
    BundleLayout la = a.layout();
    BundleLayout lb = b.layout();
    if (a.getClass() != b.getClass() || !la.sameFieldsAs(lb)) {
      throw new HardwareMisuseException(
          loc,
          what
              + " of bundles with different layouts: "
              + la
              + " and "
              + lb
              + "; both sides need the same bundle class with the same parameters");
    }
  }

  static List<Expr> exprs(Bundle<?> b) {
    List<Expr> out = new ArrayList<>();
    for (Data<?> d : b.leaves()) {
      out.add(d.expr);
    }
    return out;
  }

  /** Debug form, never Verilog. */
  @Override
  public String toString() {
    return layout().toString();
  }
}

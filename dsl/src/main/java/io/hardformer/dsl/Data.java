package io.hardformer.dsl;

import io.hardformer.dsl.ir.Assign;
import io.hardformer.dsl.ir.BinaryExpr;
import io.hardformer.dsl.ir.BinaryOp;
import io.hardformer.dsl.ir.ConcatExpr;
import io.hardformer.dsl.ir.Expr;
import io.hardformer.dsl.ir.Signal;
import io.hardformer.dsl.ir.SignalKind;
import io.hardformer.dsl.ir.SignalRef;
import io.hardformer.dsl.ir.SliceExpr;
import io.hardformer.dsl.ir.SourceLocation;
import io.hardformer.dsl.ir.UnaryExpr;
import io.hardformer.dsl.ir.UnaryOp;
import java.util.ArrayList;
import java.util.List;

/**
 * A hardware value of a fixed width: a port, wire, register or the result of an operator. Operators
 * build IR and never compute anything in Java. Java identity and hardware equality are kept apart:
 * {@code equals} is identity, hardware comparison is {@link #eq}, and driving a signal is {@link
 * #assign} (combinational) or {@link #next} (registers).
 *
 * @param <T> the value's own class, so bitwise operators return the same family
 */
public abstract class Data<T extends Data<T>> {
  final Module owner;
  final Expr expr;

  Data(Module owner, Expr expr) {
    this.owner = owner;
    this.expr = expr;
  }

  /** The type of this value, with its width. */
  public abstract HwType<T> type();

  /** The IR expression behind this value (for generators and backends). */
  public final Expr expr() {
    return expr;
  }

  public final int width() {
    return expr.width();
  }

  final boolean signed() {
    return type().kind().signed();
  }

  final T same(Expr e) {
    return type().withWidth(e.width()).wrap(owner, e);
  }

  final BinaryExpr binary(BinaryOp op, Data<?> other) {
    return new BinaryExpr(op, expr, other.expr, signed(), Locations.capture());
  }

  // ---- bitwise
  // -----------------------------------------------------------------------------------

  /** Bitwise AND; both operands must have the same width. */
  public final T and(T other) {
    return same(binary(BinaryOp.AND, other));
  }

  /** Bitwise OR; both operands must have the same width. */
  public final T or(T other) {
    return same(binary(BinaryOp.OR, other));
  }

  /** Bitwise XOR; both operands must have the same width. */
  public final T xor(T other) {
    return same(binary(BinaryOp.XOR, other));
  }

  /** Bitwise complement, same width. */
  public final T not() {
    return same(new UnaryExpr(UnaryOp.NOT, expr, Locations.capture()));
  }

  // ---- comparison, reduction
  // ---------------------------------------------------------------------

  /** Hardware equality (1 bit); operands are extended to a common width by their signedness. */
  public final Bool eq(T other) {
    return new Bool(owner, binary(BinaryOp.EQ, other));
  }

  public final Bool ne(T other) {
    return new Bool(owner, binary(BinaryOp.NE, other));
  }

  public final Bool andR() {
    return new Bool(owner, new UnaryExpr(UnaryOp.AND_REDUCE, expr, Locations.capture()));
  }

  public final Bool orR() {
    return new Bool(owner, new UnaryExpr(UnaryOp.OR_REDUCE, expr, Locations.capture()));
  }

  public final Bool xorR() {
    return new Bool(owner, new UnaryExpr(UnaryOp.XOR_REDUCE, expr, Locations.capture()));
  }

  // ---- bit selection and reinterpretation
  // --------------------------------------------------------

  /**
   * Bits {@code hi} down to {@code lo}, inclusive, as an unsigned value of {@code hi - lo + 1}
   * bits.
   */
  public final UInt bits(int hi, int lo) {
    return new UInt(owner, new SliceExpr(expr, hi, lo, Locations.capture()));
  }

  /** Bit {@code index}. */
  public final Bool bit(int index) {
    return new Bool(owner, new SliceExpr(expr, index, index, Locations.capture()));
  }

  /** The most significant bit (the sign bit of an SInt). */
  public final Bool msb() {
    return new Bool(owner, new SliceExpr(expr, width() - 1, width() - 1, Locations.capture()));
  }

  /** The same bits as an unsigned number. */
  public final UInt asUInt() {
    return new UInt(owner, expr);
  }

  /** The same bits as a two's complement number. */
  public final SInt asSInt() {
    return new SInt(owner, expr);
  }

  /** The same bits as a raw vector. */
  public final Bits asBits() {
    return new Bits(owner, expr);
  }

  /**
   * This vector viewed as a bundle (Amaranth's {@code View}): each field is a slice, the first
   * field in the least significant bits; {@code acc.as(Fp32.LAYOUT).exponent()} reads bits 30..23.
   * The widths must match.
   */
  public final <B extends Bundle<B>> B as(BundleType<B> layout) {
    SourceLocation loc = Locations.capture();
    if (layout.width() != width()) {
      throw new HardwareMisuseException(
          loc,
          "a "
              + width()
              + "-bit value cannot be viewed as "
              + layout
              + " ("
              + layout.width()
              + " bits); resize or slice it to "
              + layout.width()
              + " bits first");
    }
    return layout.view(owner, expr);
  }

  /** Concatenation {@code {this, rest...}}, this value in the most significant bits. */
  public final UInt cat(Data<?>... rest) {
    List<Expr> parts = new ArrayList<>(rest.length + 1);
    parts.add(expr);
    for (Data<?> d : rest) {
      parts.add(d.expr);
    }
    return new UInt(owner, new ConcatExpr(parts, Locations.capture()));
  }

  // ---- naming
  // ------------------------------------------------------------------------------------

  /**
   * This value under a name of its own: a wire {@code name} driven by it, so the emitted Verilog
   * reads {@code wire [4:0] lz; assign lz = ...;} instead of a derived temporary name. The name
   * must be a legal identifier and not a reserved word (fails at this call otherwise); when another
   * signal of the module already has it, the emitter adds a suffix ({@code lz_1}). Behaviour is
   * unchanged: the wire is combinational and driven on every path, wherever in a {@code when} block
   * this is called.
   */
  public final T named(String name) {
    SourceLocation loc = Locations.capture();
    return owner.recorder(loc).nameValue(name, type(), expr, loc);
  }

  // ---- driving signals
  // ---------------------------------------------------------------------------

  /**
   * Drives this wire, output port or child input port combinationally. Inside {@code when} blocks
   * the last assignment on the taken path wins; a signal must be assigned on every path (else a
   * latch would be inferred, which the LATCH rule reports).
   */
  public final void assign(T value) {
    SourceLocation loc = Locations.capture();
    Signal target = targetSignal(loc, "assign");
    if (target.kind() == SignalKind.REGISTER) {
      throw new HardwareMisuseException(
          loc,
          "'"
              + target.name()
              + "' is a register: set its next value with next(...), not assign(...)");
    }
    owner.recorder(loc).record(new Assign(target, value.expr, loc));
  }

  /** Sets the value this register takes at the next clock edge; it holds its value when not set. */
  public final void next(T value) {
    SourceLocation loc = Locations.capture();
    Signal target = targetSignal(loc, "next");
    if (target.kind() != SignalKind.REGISTER) {
      throw new HardwareMisuseException(
          loc,
          "'"
              + target.name()
              + "' is a "
              + target.kind().name().toLowerCase()
              + ", not a register: drive it with assign(...)");
    }
    owner.recorder(loc).record(new Assign(target, value.expr, loc));
  }

  private Signal targetSignal(SourceLocation loc, String verb) {
    if (!(expr instanceof SignalRef)) {
      throw new HardwareMisuseException(
          loc,
          "only a named signal can be driven with "
              + verb
              + "(...); this is the result of an operator. Declare a wire(...) and drive that");
    }
    return ((SignalRef) expr).signal();
  }

  /** Debug form, never Verilog. */
  @Override
  public String toString() {
    return type() + "@" + expr.location();
  }
}

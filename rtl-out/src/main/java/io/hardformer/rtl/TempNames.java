package io.hardformer.rtl;

import io.hardformer.dsl.ir.BinaryExpr;
import io.hardformer.dsl.ir.BinaryOp;
import io.hardformer.dsl.ir.ConcatExpr;
import io.hardformer.dsl.ir.Expr;
import io.hardformer.dsl.ir.ExprVisitor;
import io.hardformer.dsl.ir.ExtendExpr;
import io.hardformer.dsl.ir.Literal;
import io.hardformer.dsl.ir.MuxExpr;
import io.hardformer.dsl.ir.SignalRef;
import io.hardformer.dsl.ir.SliceExpr;
import io.hardformer.dsl.ir.UnaryExpr;
import io.hardformer.dsl.ir.UnaryOp;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The wished-for name of a temporary wire, derived from its operation and the signals it reads:
 * {@code sum_a_b} for {@code a + b}, {@code mux_sel} for {@code sel ? x : y}, {@code any_flags} for
 * {@code |flags}. The rule:
 *
 * <ul>
 *   <li>an operation word from the tables below, then the names of up to two operands that are
 *       signals, directly or through a slice or extension (a {@code .named} value is a signal);
 *       literals and other expressions contribute no part; longer than {@value #MAX_LENGTH}
 *       characters, only the first signal is kept;
 *   <li>with no signal operand: the word, {@code _} and the name of the first non-constant operand
 *       (its temporary's name, or its own derived name, one level deep: {@code not_any_in}), or the
 *       bare word when that is too long or deeper; the allocator adds {@code _} to the bare words
 *       that are Verilog keywords ({@code and_});
 *   <li>a slice of a signal or of a temporary is {@code name_hi_lo} ({@code acc_30_23}, {@code
 *       acc_31}); a slice of anything else takes the name of what it slices.
 * </ul>
 *
 * <p>The {@link NameAllocator} makes the result unique ({@code sum_a_b_1}); as the walk order is
 * fixed, names are deterministic.
 */
final class TempNames implements ExprVisitor<String> {
  static final int MAX_LENGTH = 24;
  private static final Map<BinaryOp, String> BINARY = new EnumMap<>(BinaryOp.class);
  private static final Map<UnaryOp, String> UNARY = new EnumMap<>(UnaryOp.class);

  static {
    BINARY.put(BinaryOp.ADD, "sum");
    BINARY.put(BinaryOp.SUB, "diff");
    BINARY.put(BinaryOp.MUL, "mul");
    BINARY.put(BinaryOp.AND, "and");
    BINARY.put(BinaryOp.OR, "or");
    BINARY.put(BinaryOp.XOR, "xor");
    BINARY.put(BinaryOp.EQ, "eq");
    BINARY.put(BinaryOp.NE, "ne");
    BINARY.put(BinaryOp.LT, "lt");
    BINARY.put(BinaryOp.LE, "le");
    BINARY.put(BinaryOp.GT, "gt");
    BINARY.put(BinaryOp.GE, "ge");
    BINARY.put(BinaryOp.SHIFT_LEFT, "shl");
    BINARY.put(BinaryOp.SHIFT_RIGHT, "shr");
    UNARY.put(UnaryOp.NOT, "not");
    UNARY.put(UnaryOp.AND_REDUCE, "all");
    UNARY.put(UnaryOp.OR_REDUCE, "any");
    UNARY.put(UnaryOp.XOR_REDUCE, "parity");
  }

  private final Function<SignalRef, String> signalName;
  private final Function<Expr, String> knownName;
  private boolean nested; // true while naming an operand: the fallback goes one level deep only

  /**
   * @param knownName the name already given to an expression (a temporary), or null
   */
  TempNames(Function<SignalRef, String> signalName, Function<Expr, String> knownName) {
    this.signalName = signalName;
    this.knownName = knownName;
  }

  /** The wished-for name of a temporary holding {@code e} (not yet unique). */
  String of(Expr e) {
    return e.accept(this);
  }

  private String join(String op, Expr... operands) {
    List<String> parts = new ArrayList<>(2);
    for (Expr x : operands) {
      String stem = stem(x);
      if (stem != null && parts.size() < 2) {
        parts.add(stem);
      }
    }
    if (parts.isEmpty()) { // no signal operand: name after the first operation below, one level
      for (Expr x : operands) {
        if (!(x instanceof Literal) && !nested) {
          String known = knownName.apply(x);
          nested = true;
          String inner = op + "_" + (known != null ? known : of(x));
          nested = false;
          return inner.length() <= MAX_LENGTH ? inner : op;
        }
      }
      return op;
    }
    String full = op + "_" + String.join("_", parts);
    return full.length() <= MAX_LENGTH ? full : op + "_" + parts.get(0);
  }

  /** The named value an operand reads, through slices and extensions, or null. */
  private String stem(Expr x) {
    while (x instanceof SliceExpr || x instanceof ExtendExpr) {
      x = x.operands().get(0);
    }
    return x instanceof SignalRef ? signalName.apply((SignalRef) x) : null;
  }

  @Override
  public String visitLiteral(Literal e) {
    return "const";
  }

  @Override
  public String visitSignal(SignalRef e) {
    return signalName.apply(e);
  }

  @Override
  public String visitUnary(UnaryExpr e) {
    return join(UNARY.get(e.op()), e.operand());
  }

  @Override
  public String visitBinary(BinaryExpr e) {
    return join(BINARY.get(e.op()), e.left(), e.right());
  }

  @Override
  public String visitSlice(SliceExpr e) {
    String base =
        e.operand() instanceof SignalRef
            ? signalName.apply((SignalRef) e.operand())
            : knownName.apply(e.operand());
    if (base == null) {
      return of(e.operand());
    }
    return base + "_" + e.hi() + (e.hi() == e.lo() ? "" : "_" + e.lo());
  }

  @Override
  public String visitConcat(ConcatExpr e) {
    return join("cat", e.parts().toArray(new Expr[0]));
  }

  @Override
  public String visitMux(MuxExpr e) {
    return join("mux", e.select());
  }

  @Override
  public String visitExtend(ExtendExpr e) {
    return join(e.signed() ? "sext" : "zext", e.operand());
  }
}

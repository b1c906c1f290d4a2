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
import io.hardformer.dsl.ir.SourceLocation;
import io.hardformer.dsl.ir.UnaryExpr;
import io.hardformer.rtl.view.AssignView;
import io.hardformer.rtl.view.DeclarationView;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Renders IR expressions as Verilog-2005 whose self-determined width always equals the IR width, so
 * no context-dependent widening happens and Verilator's WIDTH lint stays silent: arithmetic
 * operands are extended explicitly to the result width, comparisons to a common width, signed
 * operations use {@code $signed}. Expressions used more than once, and operands Verilog cannot
 * slice or sign-extend in place, become temporaries with a continuous assignment, named by {@link
 * TempNames} ({@code sum_a_b}, {@code mux_sel}) and carrying the {@code // File.java:line} of the
 * expression.
 *
 * <p>Constants ({@link #literal}): 1-bit values as {@code 1'b0}/{@code 1'b1}; values below 256 in
 * decimal ({@code 8'd127}, {@code 10'd1}: counters, exponents, biases, shift amounts); values of
 * 256 and above, and all-ones masks of 8 bits or more, in upper-case hex zero-padded to the full
 * width ({@code 32'h7FC00000}, {@code 8'hFF}), so bit fields line up with the digits.
 *
 * <p>Chains of one associative bitwise operator ({@code a | b | c ...}, also {@code &} and {@code
 * ^}) whose inner links are used once are flattened; up to {@value #MAX_TERMS} terms stay on one
 * line, longer chains become a balanced tree of temporaries of at most {@value #MAX_TERMS} terms
 * each, so a 128-term OR is three levels of short lines instead of one nested line.
 */
final class ExpressionRenderer implements ExprVisitor<String> {
  private final NameAllocator names;
  private final Function<SignalRef, String> signalName;
  private final Map<Expr, Integer> useCounts;
  private final List<DeclarationView> tempDeclarations = new ArrayList<>();
  private final Map<String, BitSet> tempUse = new HashMap<>();
  private final Map<String, Integer> tempWidth = new HashMap<>();
  private final List<AssignView> tempAssigns = new ArrayList<>();
  private final TempNames tempNames;
  private final Function<SourceLocation, String> comment;

  /** The most terms of one flattened bitwise chain on one line; longer chains become a tree. */
  static final int MAX_TERMS = 8;

  ExpressionRenderer(
      NameAllocator names,
      Function<SignalRef, String> signalName,
      Map<Expr, Integer> useCounts,
      Function<SourceLocation, String> comment) {
    this.names = names;
    this.signalName = signalName;
    this.useCounts = useCounts;
    this.tempNames = new TempNames(signalName, names::lookup);
    this.comment = comment;
  }

  /** Temporaries declared so far; a temporary only partly read carries the unused-bits pragma. */
  List<DeclarationView> tempDeclarations() {
    List<DeclarationView> out = new ArrayList<>(tempDeclarations.size());
    for (DeclarationView d : tempDeclarations) {
      BitSet used = tempUse.getOrDefault(d.name(), new BitSet());
      boolean partly = used.cardinality() < tempWidth.get(d.name());
      out.add(new DeclarationView(d.net(), d.range(), d.name(), partly, d.comment()));
    }
    return out;
  }

  private void markTemp(String name, int lo, int hi) {
    if (tempWidth.containsKey(name)) {
      tempUse.computeIfAbsent(name, k -> new BitSet()).set(lo, hi + 1);
    }
  }

  private String fullUse(String name) {
    Integer w = tempWidth.get(name);
    if (w != null) {
      markTemp(name, 0, w - 1);
    }
    return name;
  }

  List<AssignView> tempAssigns() {
    return tempAssigns;
  }

  /** A Verilog expression for {@code e}. */
  String render(Expr e) {
    if (e instanceof SignalRef || e instanceof Literal) {
      return e.accept(this);
    }
    String temp = names.lookup(e);
    if (temp != null) {
      return fullUse(temp);
    }
    if (useCounts.getOrDefault(e, 0) > 1) {
      return fullUse(nameOf(e));
    }
    return e.accept(this);
  }

  /** A plain identifier holding {@code e}: the signal itself, or a temporary. */
  String nameOf(Expr e) {
    if (e instanceof SignalRef) {
      return e.accept(this);
    }
    String temp = names.lookup(e);
    if (temp != null) {
      return temp;
    }
    String rhs = e.accept(this);
    return declareTemp(e, tempNames.of(e), e.width(), rhs, e.location());
  }

  private String declareTemp(
      Object owner, String wanted, int width, String rhs, SourceLocation at) {
    String name = names.name(owner, wanted);
    tempWidth.put(name, width);
    tempDeclarations.add(new DeclarationView("wire", range(width), name, false, ""));
    tempAssigns.add(new AssignView(name, rhs, comment.apply(at)));
    return name;
  }

  static String range(int width) {
    if (width == 1) {
      return "";
    }
    return width < RANGES.length ? RANGES[width] : "[" + (width - 1) + ":0] ";
  }

  /** {@link #range} of the common widths, built once: a flat array declares many equal ranges. */
  private static final String[] RANGES = new String[257];

  static {
    for (int w = 2; w < RANGES.length; w++) {
      RANGES[w] = "[" + (w - 1) + ":0] ";
    }
  }

  /** A sized constant, in decimal or hex by the rule in the class comment. */
  static String literal(int width, BigInteger bits) {
    if (width == 1) {
      return "1'b" + bits;
    }
    boolean allOnes = bits.bitCount() == width;
    if (bits.compareTo(HEX_FROM) < 0 && !(allOnes && width >= 8)) {
      return width + "'d" + bits;
    }
    String hex = bits.toString(16).toUpperCase(Locale.ROOT);
    int digits = (width + 3) / 4;
    return width + "'h" + "0".repeat(Math.max(0, digits - hex.length())) + hex;
  }

  private static final BigInteger HEX_FROM = BigInteger.valueOf(256);

  @Override
  public String visitLiteral(Literal e) {
    return literal(e.width(), e.bits());
  }

  @Override
  public String visitSignal(SignalRef e) {
    return signalName.apply(e);
  }

  @Override
  public String visitUnary(UnaryExpr e) {
    return "(" + VerilogOperators.UNARY.get(e.op()) + render(e.operand()) + ")";
  }

  @Override
  public String visitBinary(BinaryExpr e) {
    String op = VerilogOperators.BINARY.get(e.op());
    if (e.op() == BinaryOp.AND || e.op() == BinaryOp.OR || e.op() == BinaryOp.XOR) {
      return chain(e, op);
    }
    if (e.op().isArithmetic()) {
      int w = e.width();
      return "("
          + extend(e.left(), w, e.signed())
          + " "
          + op
          + " "
          + extend(e.right(), w, e.signed())
          + ")";
    }
    if (e.op().isComparison()) {
      int w = Math.max(e.left().width(), e.right().width());
      String l = extend(e.left(), w, e.signed());
      String r = extend(e.right(), w, e.signed());
      return e.signed() && e.op() != BinaryOp.EQ && e.op() != BinaryOp.NE
          ? "($signed(" + l + ") " + op + " $signed(" + r + "))"
          : "(" + l + " " + op + " " + r + ")";
    }
    if (e.op() == BinaryOp.SHIFT_RIGHT && e.signed()) {
      return "$unsigned($signed(" + render(e.left()) + ") >>> " + render(e.right()) + ")";
    }
    return "(" + render(e.left()) + " " + op + " " + render(e.right()) + ")";
  }

  @Override
  public String visitSlice(SliceExpr e) {
    if (e.lo() == 0 && e.hi() == e.operand().width() - 1) {
      return render(e.operand());
    }
    if (e.lo() == 0
        && e.operand() instanceof BinaryExpr
        && ((BinaryExpr) e.operand()).op().isArithmetic()
        && useCounts.getOrDefault(e.operand(), 0) <= 1
        && names.lookup(e.operand()) == null) {
      return narrowArithmetic((BinaryExpr) e.operand(), e.width());
    }
    String base = nameOf(e.operand());
    markTemp(base, e.lo(), e.hi());
    return e.hi() == e.lo() ? base + "[" + e.hi() + "]" : base + "[" + e.hi() + ":" + e.lo() + "]";
  }

  @Override
  public String visitConcat(ConcatExpr e) {
    StringBuilder sb = new StringBuilder("{");
    for (int i = 0; i < e.parts().size(); i++) {
      if (i > 0) {
        sb.append(", ");
      }
      sb.append(render(e.parts().get(i)));
    }
    return sb.append('}').toString();
  }

  @Override
  public String visitMux(MuxExpr e) {
    return "("
        + render(e.select())
        + " ? "
        + render(e.whenTrue())
        + " : "
        + render(e.whenFalse())
        + ")";
  }

  @Override
  public String visitExtend(ExtendExpr e) {
    return extend(e.operand(), e.width(), e.signed());
  }

  /** A flattened chain of one associative operator, as a balanced tree of temporaries when long. */
  private String chain(BinaryExpr e, String op) {
    List<Expr> terms = new ArrayList<>();
    flatten(e, e.op(), terms, true);
    List<String> rendered = new ArrayList<>(terms.size());
    for (Expr t : terms) {
      rendered.add(render(t));
    }
    while (rendered.size() > MAX_TERMS) {
      List<String> level = new ArrayList<>();
      int groups = (rendered.size() + MAX_TERMS - 1) / MAX_TERMS;
      for (int g = 0; g < groups; g++) { // balanced: group sizes differ by at most one
        int from = g * rendered.size() / groups;
        int to = (g + 1) * rendered.size() / groups;
        String rhs = "(" + String.join(" " + op + " ", rendered.subList(from, to)) + ")";
        level.add(
            fullUse(
                declareTemp(new Object(), TREE_NAMES.get(e.op()), e.width(), rhs, e.location())));
      }
      rendered = level;
    }
    return "(" + String.join(" " + op + " ", rendered) + ")";
  }

  private static final Map<BinaryOp, String> TREE_NAMES =
      Map.of(BinaryOp.AND, "and_tree", BinaryOp.OR, "or_tree", BinaryOp.XOR, "xor_tree");

  /** The terms of a chain of {@code op}: inner links used once and not named are opened up. */
  private void flatten(Expr x, BinaryOp op, List<Expr> out, boolean root) {
    boolean inner =
        x instanceof BinaryExpr
            && ((BinaryExpr) x).op() == op
            && (root || (useCounts.getOrDefault(x, 0) <= 1 && names.lookup(x) == null));
    if (!inner) {
      out.add(x);
      return;
    }
    flatten(((BinaryExpr) x).left(), op, out, false);
    flatten(((BinaryExpr) x).right(), op, out, false);
  }

  /**
   * The low {@code w} bits of an add, subtract or multiply, computed at width {@code w}: modular
   * arithmetic makes them depend only on the low {@code w} bits of the operands.
   */
  private String narrowArithmetic(BinaryExpr e, int w) {
    String op = VerilogOperators.BINARY.get(e.op());
    return "("
        + fit(e.left(), w, e.signed(), e)
        + " "
        + op
        + " "
        + fit(e.right(), w, e.signed(), e)
        + ")";
  }

  private String fit(Expr x, int w, boolean signed, Expr parent) {
    if (x.width() <= w) {
      return extend(x, w, signed);
    }
    return render(new SliceExpr(x, w - 1, 0, parent.location()));
  }

  /** {@code x} widened to {@code w} bits by zero or sign extension (no-op at equal width). */
  private String extend(Expr x, int w, boolean signed) {
    int n = w - x.width();
    if (n <= 0) {
      return render(x);
    }
    if (!signed) {
      String zeros = n == 1 ? "1'b0" : "{" + n + "{1'b0}}";
      return "{" + zeros + ", " + render(x) + "}";
    }
    String name = fullUse(nameOf(x));
    String sign = x.width() == 1 ? name : name + "[" + (x.width() - 1) + "]";
    return n == 1 ? "{" + sign + ", " + name + "}" : "{{" + n + "{" + sign + "}}, " + name + "}";
  }
}

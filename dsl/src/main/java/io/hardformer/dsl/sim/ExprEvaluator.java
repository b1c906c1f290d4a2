package io.hardformer.dsl.sim;

import io.hardformer.dsl.ir.BinaryExpr;
import io.hardformer.dsl.ir.ConcatExpr;
import io.hardformer.dsl.ir.Expr;
import io.hardformer.dsl.ir.ExprVisitor;
import io.hardformer.dsl.ir.ExtendExpr;
import io.hardformer.dsl.ir.Literal;
import io.hardformer.dsl.ir.MuxExpr;
import io.hardformer.dsl.ir.Signal;
import io.hardformer.dsl.ir.SignalRef;
import io.hardformer.dsl.ir.SliceExpr;
import io.hardformer.dsl.ir.UnaryExpr;
import java.math.BigInteger;
import java.util.function.Function;

/**
 * Evaluates IR expressions on two-state values (non-negative BigIntegers holding the bit pattern)
 * with exactly the semantics of the emitted Verilog: arithmetic operands extended to the result
 * width (sign extension when signed) and the result taken modulo 2^width, comparisons at the common
 * width, shifts keeping the left operand's width.
 */
final class ExprEvaluator implements ExprVisitor<BigInteger> {
  private final Function<Signal, BigInteger> values;

  ExprEvaluator(Function<Signal, BigInteger> values) {
    this.values = values;
  }

  BigInteger eval(Expr e) {
    return e.accept(this);
  }

  static BigInteger mask(int width) {
    return BigInteger.ONE.shiftLeft(width).subtract(BigInteger.ONE);
  }

  static BigInteger trim(BigInteger v, int width) {
    return v.and(mask(width));
  }

  /** The two's complement value of a {@code width}-bit pattern. */
  static BigInteger signed(BigInteger bits, int width) {
    return bits.testBit(width - 1) ? bits.subtract(BigInteger.ONE.shiftLeft(width)) : bits;
  }

  private static BigInteger extend(BigInteger bits, int from, int to, boolean signed) {
    return signed ? trim(signed(bits, from), to) : bits;
  }

  @Override
  public BigInteger visitLiteral(Literal e) {
    return e.bits();
  }

  @Override
  public BigInteger visitSignal(SignalRef e) {
    return values.apply(e.signal());
  }

  @Override
  public BigInteger visitUnary(UnaryExpr e) {
    BigInteger v = eval(e.operand());
    int w = e.operand().width();
    switch (e.op()) {
      case NOT:
        return v.xor(mask(w));
      case AND_REDUCE:
        return v.equals(mask(w)) ? BigInteger.ONE : BigInteger.ZERO;
      case OR_REDUCE:
        return v.signum() != 0 ? BigInteger.ONE : BigInteger.ZERO;
      default:
        return BigInteger.valueOf(v.bitCount() & 1);
    }
  }

  @Override
  public BigInteger visitBinary(BinaryExpr e) {
    BigInteger l = eval(e.left());
    BigInteger r = eval(e.right());
    int wl = e.left().width();
    int wr = e.right().width();
    int w = e.width();
    boolean s = e.signed();
    switch (e.op()) {
      case ADD:
        return trim(extend(l, wl, w, s).add(extend(r, wr, w, s)), w);
      case SUB:
        return trim(extend(l, wl, w, s).subtract(extend(r, wr, w, s)), w);
      case MUL:
        return trim(extend(l, wl, w, s).multiply(extend(r, wr, w, s)), w);
      case AND:
        return l.and(r);
      case OR:
        return l.or(r);
      case XOR:
        return l.xor(r);
      case SHIFT_LEFT:
        return r.compareTo(BigInteger.valueOf(wl)) >= 0
            ? BigInteger.ZERO
            : trim(l.shiftLeft(r.intValue()), wl);
      case SHIFT_RIGHT:
        {
          int amount = r.compareTo(BigInteger.valueOf(wl)) >= 0 ? wl : r.intValue();
          return s ? trim(signed(l, wl).shiftRight(amount), wl) : l.shiftRight(amount);
        }
      default:
        return compare(e, l, r, wl, wr);
    }
  }

  private static BigInteger compare(BinaryExpr e, BigInteger l, BigInteger r, int wl, int wr) {
    BigInteger a = e.signed() ? signed(l, wl) : l;
    BigInteger b = e.signed() ? signed(r, wr) : r;
    int c = a.compareTo(b);
    boolean t;
    switch (e.op()) {
      case EQ:
        t = c == 0;
        break;
      case NE:
        t = c != 0;
        break;
      case LT:
        t = c < 0;
        break;
      case LE:
        t = c <= 0;
        break;
      case GT:
        t = c > 0;
        break;
      default:
        t = c >= 0;
    }
    return t ? BigInteger.ONE : BigInteger.ZERO;
  }

  @Override
  public BigInteger visitSlice(SliceExpr e) {
    return trim(eval(e.operand()).shiftRight(e.lo()), e.width());
  }

  @Override
  public BigInteger visitConcat(ConcatExpr e) {
    BigInteger v = BigInteger.ZERO;
    for (Expr p : e.parts()) {
      v = v.shiftLeft(p.width()).or(eval(p));
    }
    return v;
  }

  @Override
  public BigInteger visitMux(MuxExpr e) {
    return eval(e.select()).signum() != 0 ? eval(e.whenTrue()) : eval(e.whenFalse());
  }

  @Override
  public BigInteger visitExtend(ExtendExpr e) {
    return extend(eval(e.operand()), e.operand().width(), e.width(), e.signed());
  }
}

package io.hardformer.dsl;

import io.hardformer.dsl.ir.BinaryOp;
import io.hardformer.dsl.ir.Expr;
import io.hardformer.dsl.ir.ExtendExpr;
import io.hardformer.dsl.ir.Literal;
import io.hardformer.dsl.ir.SliceExpr;
import io.hardformer.dsl.ir.SourceLocation;
import java.math.BigInteger;

/**
 * A two's complement number. Operands are sign-extended; comparisons and right shifts are signed.
 */
public final class SInt extends Data<SInt> {
  SInt(Module owner, Expr expr) {
    super(owner, expr);
  }

  @Override
  public HwType<SInt> type() {
    return HwType.sint(width());
  }

  /** this + other, max(wa, wb) + 1 bits. */
  public SInt add(SInt other) {
    return new SInt(owner, binary(BinaryOp.ADD, other));
  }

  /** this - other, max(wa, wb) + 1 bits. */
  public SInt sub(SInt other) {
    return new SInt(owner, binary(BinaryOp.SUB, other));
  }

  /** this * other, wa + wb bits. */
  public SInt mul(SInt other) {
    return new SInt(owner, binary(BinaryOp.MUL, other));
  }

  /** -this, width + 1 bits (so the most negative value negates exactly). */
  public SInt neg() {
    SourceLocation loc = Locations.capture();
    SInt zero = new SInt(owner, new Literal(BigInteger.ZERO, width(), true, loc));
    return zero.sub(this);
  }

  public Bool lt(SInt other) {
    return new Bool(owner, binary(BinaryOp.LT, other));
  }

  public Bool le(SInt other) {
    return new Bool(owner, binary(BinaryOp.LE, other));
  }

  public Bool gt(SInt other) {
    return new Bool(owner, binary(BinaryOp.GT, other));
  }

  public Bool ge(SInt other) {
    return new Bool(owner, binary(BinaryOp.GE, other));
  }

  /** True when negative. */
  public Bool isNegative() {
    return msb();
  }

  /** Shift left by a constant, growing by {@code n} bits. */
  public SInt shl(int n) {
    return n == 0 ? this : asUInt().shl(n).asSInt();
  }

  /** Arithmetic shift right by a constant, dropping the {@code n} low bits. */
  public SInt shr(int n) {
    return n == 0 ? this : bits(width() - 1, n).asSInt();
  }

  /** Shift left by a signal amount, keeping the width. */
  public SInt shiftLeft(UInt amount) {
    return new SInt(owner, binary(BinaryOp.SHIFT_LEFT, amount));
  }

  /** Arithmetic shift right by a signal amount, keeping the width. */
  public SInt shiftRight(UInt amount) {
    return new SInt(owner, binary(BinaryOp.SHIFT_RIGHT, amount));
  }

  /** Sign-extends to {@code newWidth} bits (which must not be narrower). */
  public SInt sext(int newWidth) {
    return newWidth == width()
        ? this
        : new SInt(owner, new ExtendExpr(expr, newWidth, true, Locations.capture()));
  }

  /** Keeps the low {@code newWidth} bits, as a signed value. */
  public SInt trunc(int newWidth) {
    return newWidth == width()
        ? this
        : new SInt(owner, new SliceExpr(expr, newWidth - 1, 0, Locations.capture()));
  }

  /** Sign-extends or truncates to {@code newWidth} bits. */
  public SInt resize(int newWidth) {
    return newWidth >= width() ? sext(newWidth) : trunc(newWidth);
  }
}

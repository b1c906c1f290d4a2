package io.hardformer.dsl;

import io.hardformer.dsl.ir.BinaryOp;
import io.hardformer.dsl.ir.Expr;
import io.hardformer.dsl.ir.ExtendExpr;
import io.hardformer.dsl.ir.Literal;
import io.hardformer.dsl.ir.SliceExpr;
import io.hardformer.dsl.ir.SourceLocation;
import java.math.BigInteger;

/**
 * An unsigned number. Arithmetic is full width ({@code add}: max+1 bits, {@code mul}: sum of
 * widths); narrowing is always explicit with {@link #trunc} or {@link #resize}.
 */
public final class UInt extends Data<UInt> {
  UInt(Module owner, Expr expr) {
    super(owner, expr);
  }

  @Override
  public HwType<UInt> type() {
    return HwType.uint(width());
  }

  /** this + other, max(wa, wb) + 1 bits. */
  public UInt add(UInt other) {
    return new UInt(owner, binary(BinaryOp.ADD, other));
  }

  /**
   * this + other modulo 2^width: the width of {@code this}, for counters and pointers. {@code
   * other} must not be wider than {@code this}.
   */
  public UInt addWrap(UInt other) {
    if (other.width() > width()) {
      throw new HardwareMisuseException(
          Locations.capture(),
          "addWrap of a "
              + other.width()
              + "-bit value to a "
              + width()
              + "-bit one would drop its high bits; trunc("
              + width()
              + ") it first if that is meant");
    }
    return add(other).trunc(width());
  }

  /** this + 1 modulo 2^width, the width of {@code this}: a counter step. */
  public UInt inc() {
    return addWrap(
        new UInt(owner, new Literal(BigInteger.ONE, width(), false, Locations.capture())));
  }

  /** this - other modulo 2^(max(wa, wb) + 1); the top bit is set when other > this. */
  public UInt sub(UInt other) {
    return new UInt(owner, binary(BinaryOp.SUB, other));
  }

  /** this * other, wa + wb bits. */
  public UInt mul(UInt other) {
    return new UInt(owner, binary(BinaryOp.MUL, other));
  }

  public Bool lt(UInt other) {
    return new Bool(owner, binary(BinaryOp.LT, other));
  }

  public Bool le(UInt other) {
    return new Bool(owner, binary(BinaryOp.LE, other));
  }

  public Bool gt(UInt other) {
    return new Bool(owner, binary(BinaryOp.GT, other));
  }

  public Bool ge(UInt other) {
    return new Bool(owner, binary(BinaryOp.GE, other));
  }

  /** Shift left by a constant, growing by {@code n} bits (nothing is lost). */
  public UInt shl(int n) {
    if (n == 0) {
      return this;
    }
    SourceLocation loc = Locations.capture();
    return cat(new UInt(owner, new Literal(BigInteger.ZERO, n, false, loc)));
  }

  /** Shift right by a constant, dropping the {@code n} low bits (width shrinks by {@code n}). */
  public UInt shr(int n) {
    return n == 0 ? this : bits(width() - 1, n);
  }

  /** Shift left by a signal amount, keeping the width. */
  public UInt shiftLeft(UInt amount) {
    return new UInt(owner, binary(BinaryOp.SHIFT_LEFT, amount));
  }

  /** Logical shift right by a signal amount, keeping the width. */
  public UInt shiftRight(UInt amount) {
    return new UInt(owner, binary(BinaryOp.SHIFT_RIGHT, amount));
  }

  /** Zero-extends to {@code newWidth} bits (which must not be narrower). */
  public UInt zext(int newWidth) {
    return newWidth == width()
        ? this
        : new UInt(owner, new ExtendExpr(expr, newWidth, false, Locations.capture()));
  }

  /** Keeps the low {@code newWidth} bits (which must not be wider). */
  public UInt trunc(int newWidth) {
    return newWidth == width()
        ? this
        : new UInt(owner, new SliceExpr(expr, newWidth - 1, 0, Locations.capture()));
  }

  /** Zero-extends or truncates to {@code newWidth} bits. */
  public UInt resize(int newWidth) {
    return newWidth >= width() ? zext(newWidth) : trunc(newWidth);
  }

  /** True when the value is zero. */
  public Bool isZero() {
    return orR().not();
  }

  /**
   * Count of leading zeros, from 0 (MSB set) to the width (value zero), in {@code bitsFor(width)}
   * bits. Built as a balanced tree of depth log2(width) ({@link LeadingZeroTree}).
   */
  public UInt clz() {
    return new UInt(owner, LeadingZeroTree.count(owner, expr, width(), Locations.capture()));
  }
}

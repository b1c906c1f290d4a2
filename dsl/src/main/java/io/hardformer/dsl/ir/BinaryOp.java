package io.hardformer.dsl.ir;

/**
 * Two-operand operators, each with its result width in one place. Arithmetic is full width: nothing
 * is lost, and the user truncates explicitly. Operands of arithmetic and comparisons are first
 * extended (sign-extended when {@code signed}) to a common width.
 */
public enum BinaryOp {
  /** a + b: max(wa, wb) + 1 bits. */
  ADD,
  /** a - b: max(wa, wb) + 1 bits (two's complement; for UInt the top bit is the borrow). */
  SUB,
  /** a * b: wa + wb bits. */
  MUL,
  /** Bitwise; operands must have equal widths. */
  AND,
  OR,
  XOR,
  /** Comparisons: 1 bit. */
  EQ,
  NE,
  LT,
  LE,
  GT,
  GE,
  /**
   * Shift left by a signal amount, keeping the width of the left operand (bits shifted out are
   * lost).
   */
  SHIFT_LEFT,
  /** Shift right by a signal amount, keeping the width; arithmetic when signed, else logical. */
  SHIFT_RIGHT;

  public int resultWidth(int a, int b) {
    switch (this) {
      case ADD:
      case SUB:
        return Math.max(a, b) + 1;
      case MUL:
        return a + b;
      case AND:
      case OR:
      case XOR:
        return Math.max(a, b);
      case SHIFT_LEFT:
      case SHIFT_RIGHT:
        return a;
      default:
        return 1;
    }
  }

  public boolean isArithmetic() {
    return this == ADD || this == SUB || this == MUL;
  }

  public boolean isBitwise() {
    return this == AND || this == OR || this == XOR;
  }

  public boolean isComparison() {
    return ordinal() >= EQ.ordinal() && ordinal() <= GE.ordinal();
  }

  public boolean isShift() {
    return this == SHIFT_LEFT || this == SHIFT_RIGHT;
  }
}

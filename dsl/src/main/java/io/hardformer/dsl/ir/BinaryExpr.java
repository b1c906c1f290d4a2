package io.hardformer.dsl.ir;

import java.util.List;
import java.util.Objects;

/**
 * A two-operand operation; {@code signed} selects signed extension, comparison and right shift.
 *
 * <p>The accessors, equality and text are those of a record of the five components. The result
 * width is computed once, when the node is made: a record recomputed it from its operands on every
 * call, which is quadratic on long operator chains (an OR of 4,096 lane flags is a 4,096-deep
 * chain, and builders, checks and the area estimate each ask every node for its width).
 */
public final class BinaryExpr implements Expr {
  private final BinaryOp op;
  private final Expr left;
  private final Expr right;
  private final boolean signed;
  private final SourceLocation location;
  private final int width;

  public BinaryExpr(BinaryOp op, Expr left, Expr right, boolean signed, SourceLocation location) {
    this.op = op;
    this.left = left;
    this.right = right;
    this.signed = signed;
    this.location = location;
    this.width = op.resultWidth(left.width(), right.width());
  }

  public BinaryOp op() {
    return op;
  }

  public Expr left() {
    return left;
  }

  public Expr right() {
    return right;
  }

  public boolean signed() {
    return signed;
  }

  @Override
  public SourceLocation location() {
    return location;
  }

  @Override
  public int width() {
    return width;
  }

  @Override
  public List<Expr> operands() {
    return List.of(left, right);
  }

  @Override
  public <R> R accept(ExprVisitor<R> visitor) {
    return visitor.visitBinary(this);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BinaryExpr b
        && op == b.op
        && signed == b.signed
        && left.equals(b.left)
        && right.equals(b.right)
        && Objects.equals(location, b.location);
  }

  @Override
  public int hashCode() {
    return Objects.hash(op, left, right, signed, location);
  }

  @Override
  public String toString() {
    return "BinaryExpr[op="
        + op
        + ", left="
        + left
        + ", right="
        + right
        + ", signed="
        + signed
        + ", location="
        + location
        + "]";
  }
}

package io.hardformer.dsl.ir;

import java.math.BigInteger;
import java.util.List;

/**
 * A constant as the user wrote it: {@code value} may be negative for a signed literal. Whether it
 * fits in {@code width} bits is a design rule (checked, not thrown), so several bad literals are
 * reported at once.
 */
public record Literal(BigInteger value, int width, boolean signed, SourceLocation location)
    implements Expr {
  /** True when {@code value} is representable in {@code width} bits of this signedness. */
  public boolean fits() {
    if (width <= 0) {
      return false;
    }
    if (signed) {
      BigInteger half = BigInteger.ONE.shiftLeft(width - 1);
      return value.compareTo(half.negate()) >= 0 && value.compareTo(half) < 0;
    }
    return value.signum() >= 0 && value.bitLength() <= width;
  }

  /** The unsigned bit pattern (two's complement for negative values), masked to the width. */
  public BigInteger bits() {
    BigInteger mask = BigInteger.ONE.shiftLeft(Math.max(width, 0)).subtract(BigInteger.ONE);
    return value.and(mask);
  }

  @Override
  public List<Expr> operands() {
    return List.of();
  }

  @Override
  public <R> R accept(ExprVisitor<R> visitor) {
    return visitor.visitLiteral(this);
  }
}

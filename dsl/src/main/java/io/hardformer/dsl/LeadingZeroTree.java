package io.hardformer.dsl;

import io.hardformer.dsl.ir.BinaryExpr;
import io.hardformer.dsl.ir.BinaryOp;
import io.hardformer.dsl.ir.ConcatExpr;
import io.hardformer.dsl.ir.Expr;
import io.hardformer.dsl.ir.Literal;
import io.hardformer.dsl.ir.MuxExpr;
import io.hardformer.dsl.ir.SliceExpr;
import io.hardformer.dsl.ir.SourceLocation;
import io.hardformer.dsl.ir.UnaryExpr;
import io.hardformer.dsl.ir.UnaryOp;
import java.math.BigInteger;
import java.util.List;

/**
 * The log-depth leading-zero counter behind {@link UInt#clz()}: the value is padded at the bottom to a
 * power of two {@code P} with {@code 1} then zeros (so a zero input counts exactly its width), and each
 * tree node over {@code n} bits combines its halves into (any bit set, count of {@code log2 n} bits):
 * {@code any = anyHi | anyLo}, {@code count = {~anyHi, anyHi ? countHi : countLo}}; a pair of bits is
 * ({@code x1 | x0}, {@code ~x1}). Depth {@code log2 P} muxes instead of a chain of {@code width}.
 */
final class LeadingZeroTree {
  /** One node: any bit set, and the leading-zero count when some bit is set. */
  private record Node(Expr any, Expr count) {}

  private final SourceLocation loc;

  private LeadingZeroTree(SourceLocation loc) {
    this.loc = loc;
  }

  /** The count of leading zeros of the {@code width}-bit {@code value}, in {@code bitsFor(width)} bits. */
  static Expr count(Expr value, int width, SourceLocation loc) {
    return new LeadingZeroTree(loc).build(value, width);
  }

  private Expr build(Expr value, int width) {
    if (width == 1) {
      return new UnaryExpr(UnaryOp.NOT, value, loc);
    }
    int padded = Integer.highestOneBit(width - 1) << 1;
    if (padded == width) {
      Node root = node(value, width);
      int countBits = Integer.numberOfTrailingZeros(width);
      Expr allZero = new ConcatExpr(List.of(bit(1), new Literal(BigInteger.ZERO, countBits, false, loc)), loc);
      return new MuxExpr(root.any(), new ConcatExpr(List.of(bit(0), root.count()), loc), allZero, loc);
    }
    int pad = padded - width;
    Expr extended = pad == 1 ? new ConcatExpr(List.of(value, bit(1)), loc)
        : new ConcatExpr(List.of(value, bit(1), new Literal(BigInteger.ZERO, pad - 1, false, loc)), loc);
    return node(extended, padded).count();
  }

  private Node node(Expr x, int n) {
    if (n == 2) {
      Expr hi = slice(x, 1, 1);
      Expr lo = slice(x, 0, 0);
      return new Node(new BinaryExpr(BinaryOp.OR, hi, lo, false, loc), new UnaryExpr(UnaryOp.NOT, hi, loc));
    }
    int half = n / 2;
    Node hi = node(slice(x, n - 1, half), half);
    Node lo = node(slice(x, half - 1, 0), half);
    Expr any = new BinaryExpr(BinaryOp.OR, hi.any(), lo.any(), false, loc);
    Expr count = new ConcatExpr(List.of(new UnaryExpr(UnaryOp.NOT, hi.any(), loc),
        new MuxExpr(hi.any(), hi.count(), lo.count(), loc)), loc);
    return new Node(any, count);
  }

  private Expr slice(Expr x, int high, int low) {
    return new SliceExpr(x, high, low, loc);
  }

  private Expr bit(int value) {
    return new Literal(BigInteger.valueOf(value), 1, false, loc);
  }
}

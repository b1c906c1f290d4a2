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
 * The log-depth leading-zero counter behind {@link UInt#clz()}. The value is seen padded at the
 * bottom to a power of two {@code P} bits with a {@code 1} and then zeros, so that a zero value
 * counts exactly its width; each tree node over {@code n} bits combines its halves into (any bit
 * set, count of {@code log2 n} bits): {@code any = anyHi | anyLo}, {@code count = {~anyHi, anyHi ?
 * countHi : countLo}}; a pair of bits gives ({@code x1 | x0}, {@code ~x1}). Padding bits are
 * constants and fold away. Each node's {@code any} and (from four bits up) {@code count} is a named
 * wire {@code lz_any_<hi>_<lo>}, {@code lz_count_<hi>_<lo>} (bits of the value), so no emitted line
 * grows with the width.
 */
final class LeadingZeroTree {
  /**
   * One node over padded bits [high:low]: any bit set, and the leading-zero count when some bit is
   * set.
   */
  private record Node(int high, int low, Expr any, Expr count) {
    int size() {
      return high - low + 1;
    }
  }

  private final Module owner;
  private final Expr value;
  private final int pad;
  private final SourceLocation loc;

  private LeadingZeroTree(Module owner, Expr value, int pad, SourceLocation loc) {
    this.owner = owner;
    this.value = value;
    this.pad = pad;
    this.loc = loc;
  }

  /**
   * The count of leading zeros of the {@code width}-bit {@code value}, in {@code bitsFor(width)}
   * bits.
   */
  static Expr count(Module owner, Expr value, int width, SourceLocation loc) {
    if (width == 1) {
      return new UnaryExpr(UnaryOp.NOT, value, loc);
    }
    int padded = Integer.highestOneBit(width - 1) << 1;
    Node root = new LeadingZeroTree(owner, value, padded - width, loc).node(padded - 1, 0);
    if (padded > width) {
      return root
          .count(); // the padding's 1 bit makes any set: a zero value counts to the pad's 1, =
      // width
    }
    int countBits = Integer.numberOfTrailingZeros(width);
    Expr allZero = new ConcatExpr(List.of(literal(1, 1, loc), literal(0, countBits, loc)), loc);
    return new MuxExpr(
        root.any(), new ConcatExpr(List.of(literal(0, 1, loc), root.count()), loc), allZero, loc);
  }

  private Node node(int high, int low) {
    if (high == low + 1) {
      Expr hi = bit(high);
      Expr lo = bit(low);
      return new Node(high, low, or(hi, lo), not(hi));
    }
    int half = (high - low + 1) / 2;
    Node hi = named(node(high, low + half));
    Node lo = named(node(low + half - 1, low));
    Expr count =
        hi.any() instanceof Literal l
            ? (l.value().signum() != 0
                ? cat(literal(0, 1, loc), hi.count())
                : cat(literal(1, 1, loc), lo.count()))
            : cat(not(hi.any()), new MuxExpr(hi.any(), hi.count(), lo.count(), loc));
    return new Node(high, low, or(hi.any(), lo.any()), count);
  }

  /** A child node with its non-constant signals as named wires (its count from four bits up). */
  private Node named(Node n) {
    String range = Math.max(n.high() - pad, 0) + "_" + Math.max(n.low() - pad, 0);
    Expr any = n.any() instanceof Literal ? n.any() : wire("lz_any_" + range, 1, n.any());
    Expr count =
        n.size() < 4 || n.count() instanceof Literal
            ? n.count()
            : wire("lz_count_" + range, Integer.numberOfTrailingZeros(n.size()), n.count());
    return new Node(n.high(), n.low(), any, count);
  }

  private Expr wire(String name, int width, Expr driver) {
    return owner.recorder(loc).nameValue(name, HwType.uint(width), driver, loc).expr();
  }

  /** Bit {@code p} of the padded value: a bit of the value, the pad's 1, or a pad 0. */
  private Expr bit(int p) {
    if (p >= pad) {
      return new SliceExpr(value, p - pad, p - pad, loc);
    }
    return literal(p == pad - 1 ? 1 : 0, 1, loc);
  }

  private Expr or(Expr a, Expr b) {
    if (a instanceof Literal l) {
      return l.value().signum() != 0 ? a : b;
    }
    if (b instanceof Literal l) {
      return l.value().signum() != 0 ? b : a;
    }
    return new BinaryExpr(BinaryOp.OR, a, b, false, loc);
  }

  private Expr not(Expr a) {
    if (a instanceof Literal l) {
      return literal(l.value().signum() != 0 ? 0 : 1, 1, loc);
    }
    return new UnaryExpr(UnaryOp.NOT, a, loc);
  }

  private Expr cat(Expr high, Expr low) {
    return new ConcatExpr(List.of(high, low), loc);
  }

  private static Expr literal(long v, int width, SourceLocation loc) {
    return new Literal(BigInteger.valueOf(v), width, false, loc);
  }
}

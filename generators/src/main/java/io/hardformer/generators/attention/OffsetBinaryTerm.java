package io.hardformer.generators.attention;

import io.hardformer.dsl.Bool;
import io.hardformer.dsl.Module;
import io.hardformer.dsl.UInt;
import io.hardformer.generators.arithmetic.CarrySave;
import java.math.BigInteger;
import java.util.function.BiFunction;

/**
 * A p·v term as the addend of the offset-binary acc window of {@code attention --pipeline deep}
 * ({@link RescalingWindow}): (±m) + 2^(W - 1) - 2^j modulo 2^W, with j = W - 1 - n, or (±m) + 2^(W
 * - 1) on a step's first beat, from the magnitude m and its sign, combinational in about one prefix
 * network's depth (no adder, no negation before it). {@link #below} has bit p set for p < j (every
 * bit on a first beat). With m's bits below j called low and the rest high:
 *
 * <ul>
 *   <li>positive: m - 2^j flips each high bit that all high bits below it are zero in m (a borrow
 *       from j);
 *   <li>negative: -m - 2^j = ~(m + 2^j - 1): the low bits are (m_low - 1) mod 2^j (each low bit
 *       flips when all bits below it are zero), the high bits get the carry m_low != 0 (each high
 *       bit flips when that carry is set and all high bits below it are one), and the whole is
 *       complemented;
 * </ul>
 *
 * then adding 2^(W - 1) flips the top bit. Both prefix ANDs are log-depth, in parallel.
 */
public final class OffsetBinaryTerm extends Module {
  /** The term's magnitude m, magnitudeBits ≤ width bits. */
  public final UInt magnitude;

  /** The term is -m. */
  public final Bool negative = in("negative");

  /** Bit p set for p below j = W - 1 - n; every bit on a step's first beat. */
  public final UInt below;

  /** (±m) + 2^(W - 1) - 2^j modulo 2^W: the acc window's addend. */
  public final UInt addend;

  public OffsetBinaryTerm(int magnitudeBits, int width) {
    param("magnitude_bits", magnitudeBits);
    param("width", width);
    magnitude = in("magnitude", magnitudeBits);
    below = in("below", width);
    addend = out("addend", width);
    addend.assign(build(magnitude, negative, below, width, "", this::lit));
  }

  /**
   * The addend's logic, built in the module that owns the signals (the head builds it inline, so
   * that synthesis buffers the shared {@code below} register's fanout to every lane, which a module
   * boundary per lane would leave as one unbuffered net in hierarchical timing).
   *
   * @param prefix the start of the names of the two prefix networks' wires
   * @param lit the owner's constants ({@code this::lit} in a module)
   */
  public static UInt build(
      UInt magnitude,
      Bool negative,
      UInt below,
      int width,
      String prefix,
      BiFunction<BigInteger, Integer, UInt> lit) {
    UInt m = magnitude.zext(width);
    UInt neg = CarrySave.replicate(negative, width);
    UInt low = prefixAnd(m.not(), lit).named(prefix + "low_borrow"); // all bits below p zero
    Bool lowZero = m.not().or(below.not()).andR(); // m's low bits all zero
    UInt high = prefixAnd(below.or(m.xor(neg.not())), lit).named(prefix + "high_chain");
    UInt carry = CarrySave.replicate(negative.not().or(lowZero.not()), width);
    UInt flips = below.and(low).and(neg).or(below.not().and(high).and(carry));
    UInt top = lit.apply(BigInteger.ONE.shiftLeft(width - 1), width);
    return m.xor(flips).xor(neg).xor(top);
  }

  /** Bit p: the AND of x's bits below p (1 at p = 0), a log-depth prefix network. */
  private static UInt prefixAnd(UInt x, BiFunction<BigInteger, Integer, UInt> lit) {
    int w = x.width();
    UInt through = x; // through_p: the AND of bits 0..p
    for (int d = 1; d < w; d *= 2) {
      UInt ones = lit.apply(BigInteger.ONE.shiftLeft(d).subtract(BigInteger.ONE), w);
      through = through.and(through.shl(d).trunc(w).or(ones));
    }
    return through.shl(1).trunc(w).or(lit.apply(BigInteger.ONE, w));
  }

  @Override
  public String kindName() {
    return "offset_binary_term";
  }
}

package io.hardformer.generators.attention;

import io.hardformer.dsl.Bool;
import io.hardformer.dsl.Data;
import io.hardformer.dsl.HwType;
import io.hardformer.dsl.Module;
import io.hardformer.dsl.UInt;
import io.hardformer.dsl.Vec;
import java.math.BigInteger;

/**
 * The accumulate loops of {@code attention --pipeline deep}, y' = (y >> n) + a for {@code lanes}
 * values of {@code width} bits that share the shift n of a beat (l; acc_0 .. acc_D-1), with no
 * shifter in the loop. Each value is held rotated in its register, a circular window: logical bit j
 * at physical bit (k + j) mod width. Shifting right by n is then a new offset k' = (k + n) mod
 * width and clearing the n physical bits below k', which come back as the value's top bits (zero).
 * Stages:
 *
 * <ol>
 *   <li>(the beat's control, {@link #valid}, {@link #first} and {@link #shift}, a cycle before its
 *       addends) k' and the mask of the bits kept (the n low ones rotated left by k, inverted),
 *       registered;
 *   <li>the addend rotated left by k' is registered, whole and with its bits below k' cleared;
 *   <li>the loop: one 2 x width add, {y, y} + {a, a with its bits below k' cleared}. Its low half
 *       is the result at and above k' (below k' one operand is zero, so no carry reaches k'), its
 *       high half the result below k' (the carry chain wrapped around); per bit, masks formed from
 *       registers pick one of them, or hold y between beats, and clear the bits the next beat drops
 *       (so a value is read out exact when no beat follows within a cycle, as after a step's last);
 *   <li>(combinational, after the loop's register) the value rotated back ({@link #value}): the
 *       reader registers it, as the drain lane does acc and the head l before its leading zeros.
 * </ol>
 *
 * With {@code offsetBinary} (the signed acc) the window holds y + 2^(width - 1), so the cleared top
 * bits are right for either sign: the head adds the offset's change, 2^(width - 1) - 2^(width - 1 -
 * n), into the addend (2^(width - 1) on a step's first beat), and the readout flips the top bit
 * back. The bits equal the recurrence's modulo 2^width, for n at most width (unsigned) or width - 1
 * (offset-binary): the caller clamps n there, beyond which the shifted value no longer changes.
 */
public final class RescalingWindow extends Module {
  /** Cycles from a beat's addends to its result in {@link #value} (combinational from y). */
  public static final int LATENCY = 2;

  /** A beat, one cycle before its addends (the control leads the data by a stage). */
  public final Bool valid = in("valid");

  /** The beat starts a step: the window restarts at offset 0 from the addend alone. */
  public final Bool first = in("first");

  /**
   * The beat's shift n. The caller keeps it at most width (unsigned) or width - 1 (offset-binary),
   * as the head does: the window does not clamp it, and a larger n gives a wrong offset.
   */
  public final UInt shift;

  /** Each lane's addend, not rotated, the cycle after its beat's {@link #valid}. */
  public final Vec<UInt> addend;

  /** Each lane's value, not rotated, {@link #LATENCY} cycles after its addends. */
  public final Vec<UInt> value;

  public RescalingWindow(int width, int lanes, boolean offsetBinary) {
    param("width", width);
    param("lanes", lanes);
    param("offset_binary", offsetBinary ? 1 : 0);
    shift = in("shift", bitsFor(width));
    addend = inVec("addend", lanes, HwType.uint(width));
    value = outVec("value", lanes, HwType.uint(width));
    UInt none = lit(0, width);
    UInt all = lit(BigInteger.ONE.shiftLeft(width).subtract(BigInteger.ONE), width);
    BigInteger top = BigInteger.ONE.shiftLeft(width - 1);
    int b = bitsFor(2 * width);

    // 0, beside the head's term stage: the new offset k' = (k + n) mod width, and the bits
    // dropped, [k, k + n) mod width: the n low ones rotated left by k
    UInt k = reg("offset", HwType.uint(bitsFor(width - 1)), 0);
    UInt moved = k.zext(b).add(shift.zext(b)).trunc(b);
    UInt wrapped = mux(moved.ge(lit(width, b)), moved.sub(lit(width, b)).trunc(b), moved);
    when(valid, () -> k.next(mux(first, lit(0, k.width()), wrapped.trunc(k.width()))));
    Bool[] lowOnes = new Bool[width];
    for (int p = 0; p < width; p++) {
      lowOnes[p] = shift.gt(lit(p, shift.width()));
    }
    UInt dropped = rotateLeft(fromBits(lowOnes), k);
    UInt keepBeat = regNext("keep_beat", mux(first, none, dropped.not()));
    Bool beat = regNext("beat", valid, false);

    // 1: the addends rotated to k'; the masks the loop stage reads while this beat is here
    UInt split = atOrAbove(k, width).named("split");
    UInt keep = mux(beat, keepBeat, all).named("keep");
    Bool loopValid = regNext("loop_valid", beat, false);
    UInt loopSplit = regNext("loop_split", split);
    UInt valueOffset = reg("value_offset", HwType.uint(k.width()), 0);
    UInt loopOffset = regNext("loop_offset", k);
    when(loopValid, () -> valueOffset.next(loopOffset));

    // 2: pick the low half at and above the loop beat's k', the high half below it, or hold
    UInt low = mux(loopValid, loopSplit.and(keep), none).named("take_low");
    UInt high = mux(loopValid, loopSplit.not().and(keep), none).named("take_high");
    UInt hold = mux(loopValid, none, keep).named("take_held");
    for (int i = 0; i < lanes; i++) {
      UInt rotated = rotateLeft(addend.get(i), k);
      UInt a = regNext("addend" + i, rotated);
      UInt aSplit = regNext("addend_split" + i, rotated.and(split));
      UInt y = reg("y" + i, HwType.uint(width), offsetBinary ? top : BigInteger.ZERO); // value 0
      UInt sum = y.cat(y).add(a.cat(aSplit)).trunc(2 * width);
      UInt lo = sum.bits(width - 1, 0);
      UInt hi = sum.bits(2 * width - 1, width);
      y.next(lo.and(low).or(hi.and(high)).or(y.and(hold)));
      // 3, combinational: back to logical order
      UInt back = rotateRight(y, valueOffset);
      UInt flipped = offsetBinary ? back.xor(lit(top, width)) : back;
      value.get(i).assign(flipped);
    }
    timing(LATENCY, 1);
  }

  /**
   * x rotated left by k < width: logical bit j at physical bit (k + j) mod width. One stage per bit
   * of k, each a rotation by a constant or not (width multiplexers a stage).
   */
  private static UInt rotateLeft(UInt x, UInt k) {
    return rotate(x, k, true);
  }

  /** The inverse of {@link #rotateLeft}. */
  private static UInt rotateRight(UInt x, UInt k) {
    return rotate(x, k, false);
  }

  private static UInt rotate(UInt x, UInt k, boolean left) {
    int w = x.width();
    UInt r = x;
    for (int j = 0; j < k.width(); j++) {
      int c = (int) ((1L << j) % w);
      if (c != 0) {
        int up = left ? c : w - c; // rotating right by c is rotating left by w - c
        UInt turned = r.bits(w - 1 - up, 0).cat(r.bits(w - 1, w - up));
        r = mux(k.bit(j), turned, r);
      }
    }
    return r;
  }

  /** Bit p set where p >= k. */
  private UInt atOrAbove(UInt k, int width) {
    int b = bitsFor(2 * width);
    UInt kw = k.zext(b);
    Bool[] bits = new Bool[width];
    for (int p = 0; p < width; p++) {
      bits[p] = kw.le(lit(p, b));
    }
    return fromBits(bits);
  }

  /** The bits as one value, bits[0] the least significant. */
  private static UInt fromBits(Bool[] bits) {
    Data<?>[] rest = new Data<?>[bits.length - 1];
    for (int p = 0; p < rest.length; p++) {
      rest[p] = bits[bits.length - 2 - p];
    }
    return bits[bits.length - 1].cat(rest);
  }

  @Override
  public String kindName() {
    return "rescaling_window";
  }
}

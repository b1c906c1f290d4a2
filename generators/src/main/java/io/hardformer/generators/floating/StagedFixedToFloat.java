package io.hardformer.generators.floating;

import io.hardformer.dsl.Bool;
import io.hardformer.dsl.HwType;
import io.hardformer.dsl.Module;
import io.hardformer.dsl.SInt;
import io.hardformer.dsl.UInt;
import io.hardformer.generators.fp8.FloatPacker;
import io.hardformer.generators.numerics.IntLog2;
import java.math.BigInteger;

/**
 * {@link FixedToFloat}'s function (an exact signed fixed-point sum in units of 2^unit, rounded once
 * RNE to FP32 or BF16, with the special-value flags) cut into short stages, for the column readout
 * of {@code fma-array --pipeline deep}:
 *
 * <ol>
 *   <li>magnitude: the log-depth negation of {@link FixedToFloat#negated} (no carry chain);
 *   <li>normalize, two shift steps per stage ({@link #normalizeStages}): step k asks whether the
 *       top 2^k bits of the value are zero and, if so, shifts it left by 2^k and sets bit k of the
 *       leading-zero count; both selects of a stage are computed from the stage's input (the second
 *       from the top 2^k1 + 2^k2 bits), so a stage is one OR tree and a 4-to-1 multiplexer;
 *   <li>round: guard, sticky and the round-up decision, with the kept bits + 1 and the biased
 *       exponent + 1 formed beside them;
 *   <li>select the rounded fraction and exponent, pack, select a special value.
 * </ol>
 *
 * Latency {@link #latency(int)}, II 1; the same result as {@link FixedToFloat} for every input.
 */
public final class StagedFixedToFloat extends Module {
  public final SInt sum;
  public final Bool nan = in("nan");
  public final Bool posInf = in("pos_inf");
  public final Bool negInf = in("neg_inf");
  public final UInt out;

  /** Stages from {@code sum} to {@code out}, counted while building them. */
  public final int stages;

  public StagedFixedToFloat(int sumBits, int unit, FloatPacker outFormat) {
    param("sum_bits", sumBits);
    param("unit", unit);
    param("out_format", outFormat.cliName());
    sum = in("sum", HwType.sint(sumBits));
    out = out("out", outFormat.width());
    int n = sumBits;
    int count = 0;

    // stage 1: magnitude
    Bool negative = sum.isNegative();
    UInt magnitude = mux(negative, FixedToFloat.negated(sum.asUInt()), sum.asUInt());
    UInt value = regNext("m_magnitude", magnitude);
    Bool negativeR = regNext("m_negative", negative);
    Bool zeroR = regNext("m_zero", sum.asUInt().isZero());
    Bool nanR = regNext("m_nan", nan);
    Bool posR = regNext("m_pos_inf", posInf);
    Bool negR = regNext("m_neg_inf", negInf);
    count++;

    // normalize: steps k = K-1 .. 0, two per stage
    int steps = steps(n);
    UInt lz = null; // the count's bits decided so far, most significant first
    int k = steps - 1;
    int stage = 0;
    while (k >= 0) {
      int k1 = k;
      Bool s1 = topZero(value, 1 << k1);
      UInt shifted1 = mux(s1, value.shl(1 << k1).trunc(n), value);
      UInt next;
      UInt decided;
      if (k1 >= 1) {
        int k2 = k1 - 1;
        // the second select from the stage's input: the 2^k2 bits below the top 2^k1 when those
        // are zero, else the top 2^k2
        Bool s2 = mux(s1, topZero(value.shl(1 << k1).trunc(n), 1 << k2), topZero(value, 1 << k2));
        next = mux(s2, shifted1.shl(1 << k2).trunc(n), shifted1);
        decided = s1.asUInt().cat(s2);
        k -= 2;
      } else {
        next = shifted1;
        decided = s1.asUInt();
        k -= 1;
      }
      value = regNext("n" + stage + "_value", next);
      lz = regNext("n" + stage + "_lz", lz == null ? decided : lz.cat(decided));
      negativeR = regNext("n" + stage + "_negative", negativeR);
      zeroR = regNext("n" + stage + "_zero", zeroR);
      nanR = regNext("n" + stage + "_nan", nanR);
      posR = regNext("n" + stage + "_pos_inf", posR);
      negR = regNext("n" + stage + "_neg_inf", negR);
      stage++;
      count++;
    }
    if (lz == null) {
      lz = lit(0, 1);
    }

    // round: keep the top precision bits, guard and sticky below them; the kept bits + 1 and the
    // exponent + 1 are formed here too, so the last stage only selects
    int precision = outFormat.precision();
    int padded = Math.max(n, precision + 2);
    UInt bits = padded > n ? value.cat(lit(0, padded - n)) : value;
    UInt kept = bits.bits(padded - 1, padded - precision);
    Bool guard = bits.bit(padded - precision - 1);
    Bool sticky = bits.bits(padded - precision - 2, 0).orR();
    Bool roundUp = guard.and(sticky.or(kept.bit(0)));
    int expBase = n - 1 + unit + 127; // biased exponent when lz = 0
    UInt biasedLz = lit(expBase, 9).sub(lz.zext(9)).trunc(8); // mod 2^8, as the exponent field
    UInt keptR = regNext("r_kept", kept.bits(precision - 2, 0)); // the fraction bits
    UInt keptUpR = regNext("r_kept_up", incremented(kept).bits(precision - 2, 0));
    Bool overflowR = regNext("r_kept_overflow", kept.andR()); // kept + 1 carries out
    Bool roundUpR = regNext("r_round_up", roundUp);
    UInt biasedR = regNext("r_biased", biasedLz);
    UInt biasedUpR = regNext("r_biased_up", biasedLz.add(lit(1, 1)).trunc(8));
    negativeR = regNext("r_negative", negativeR);
    zeroR = regNext("r_zero", zeroR);
    nanR = regNext("r_nan", nanR);
    posR = regNext("r_pos_inf", posR);
    negR = regNext("r_neg_inf", negR);
    count++;

    // select the rounded bits and exponent, pack, special values; the exponent is always normal
    Bool carry = roundUpR.and(overflowR);
    UInt fraction = mux(roundUpR, keptUpR, keptR);
    UInt biased = mux(carry, biasedUpR, biasedR);
    int w = outFormat.width();
    int fw = precision - 1;
    UInt finite = negativeR.cat(biased, fraction);
    UInt infinity = negR.cat(lit(0xFF, 8), lit(0, fw));
    UInt quietNaN = lit(outFormat.format().quietNaN(), w);
    UInt result =
        mux(
            nanR.or(posR.and(negR)),
            quietNaN,
            mux(posR.or(negR), infinity, mux(zeroR, lit(0, w), finite)));
    out.assign(regNext("out_r", result));
    count++;
    stages = count;
  }

  /**
   * {@code x + 1 mod 2^n} without a carry chain: bit i is {@code x_i} XOR (every bit of x below i
   * is set), that AND a log-depth prefix, as {@link FixedToFloat#negated} does with OR (an
   * increment left to synthesis may be mapped as a ripple chain when its stage has slack).
   */
  private UInt incremented(UInt x) {
    int n = x.width();
    UInt below = x.shl(1).trunc(n).or(lit1(n, 1));
    for (int d = 1; d < n; d *= 2) {
      below = below.and(below.shl(d).trunc(n).or(lit1(n, d)));
    }
    return x.xor(below);
  }

  /** An n-bit value with its low {@code ones} bits set. */
  private UInt lit1(int n, int ones) {
    return lit(BigInteger.ONE.shiftLeft(Math.min(ones, n)).subtract(BigInteger.ONE), n);
  }

  /** True when the top {@code width} bits of {@code v} are zero. */
  private static Bool topZero(UInt v, int width) {
    int n = v.width();
    return v.bits(n - 1, n - Math.min(width, n)).isZero();
  }

  /** Normalizing shift steps for n bits: ceil(log2 n) (a leading-zero count below 2^steps). */
  static int steps(int n) {
    return IntLog2.ceil(n);
  }

  /** Normalize stages: two shift steps per stage. */
  public static int normalizeStages(int sumBits) {
    return (steps(sumBits) + 1) / 2;
  }

  /** Stages from {@code sum} to {@code out}: magnitude, normalize, round, pack. */
  public static int latency(int sumBits) {
    return 1 + normalizeStages(sumBits) + 2;
  }

  @Override
  public String kindName() {
    return "staged_fixed_to_float";
  }
}

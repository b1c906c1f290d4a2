package io.hardformer.generators.array;

import io.hardformer.generators.numerics.BinaryFormat;
import io.hardformer.generators.numerics.ExactDot;
import io.hardformer.generators.numerics.ExactRounding;
import java.math.BigInteger;

/**
 * The bit-exact model of the {@code fixed} running sum of {@link FmaDotCell}: a signed integer M of
 * B + 2 bits and a quantum q, value M x 2^q (in units of the smallest product). Each added term T
 * (an exact lane sum) is first kept to B fraction bits below its own leading bit, {@code T' =
 * floor(T / 2^qT)} with {@code qT = max(0, msb|T| - B)}; then both operands go to {@code q' =
 * max(q, qT)} (floor again), are added, and when the sum leaves [-2^(B+1), 2^(B+1)) it is halved
 * (floor) and q' grows by one. Truncation is two's-complement (toward -Inf) throughout; the quantum
 * only grows, so this is a running-maximum-exponent accumulator. Special values are sticky flags.
 */
public final class FixedAccumulator {
  private final int bits;
  private long sum;
  private int quantum;
  private boolean nan;
  private boolean posInf;
  private boolean negInf;

  /**
   * @param bits B, the fraction bits kept below the leading bit (1..30)
   */
  public FixedAccumulator(int bits) {
    this.bits = bits;
  }

  /** Adds one exact lane sum with its special-value flags. */
  public void add(ExactDot term) {
    nan |= term.nan();
    posInf |= term.posInf();
    negInf |= term.negInf();
    BigInteger t = term.sum();
    int qt = Math.max(0, t.abs().bitLength() - 1 - bits);
    long aligned = t.shiftRight(qt).longValueExact();
    int q = Math.max(quantum, qt);
    long total = (sum >> Math.min(q - quantum, bits + 1)) + (aligned >> Math.min(q - qt, bits + 1));
    long limit = 1L << (bits + 1);
    if (total >= limit || total < -limit) {
      total >>= 1;
      q++;
    }
    sum = total;
    quantum = q;
  }

  /** M, the running sum's integer part. */
  public long sum() {
    return sum;
  }

  /** q: the running sum is M x 2^q units. */
  public int quantum() {
    return quantum;
  }

  /**
   * The running sum rounded once (RNE) to {@code out}, the value being M x 2^(q + unit): NaN if a
   * NaN or both infinities were seen, else the infinity seen, else the sum (zero is +0).
   */
  public long round(int unit, BinaryFormat out) {
    if (nan || (posInf && negInf)) {
      return out.quietNaN();
    }
    if (posInf || negInf) {
      return (negInf ? out.signBit() : 0) | out.infinityCode();
    }
    long sign = sum < 0 ? out.signBit() : 0;
    return sign | ExactRounding.toBinary(BigInteger.valueOf(Math.abs(sum)), quantum + unit, out);
  }

  /** The running sum as a double (exact: M has at most 32 bits). Specials are ignored. */
  public double value(int unit) {
    return Math.scalb((double) sum, quantum + unit);
  }
}

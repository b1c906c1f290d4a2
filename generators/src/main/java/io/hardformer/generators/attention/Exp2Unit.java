package io.hardformer.generators.attention;

import io.hardformer.dsl.Module;
import io.hardformer.dsl.UInt;

/**
 * p = 2^(-t / 2^X_FRACTION) with {@link AttentionShape#P_FRACTION} fraction bits (see {@link
 * AttentionGolden#exp2}): a 64-entry table for the top six fraction bits and a second-order step 1
 * - a + a^2/2 for the rest, both with {@link AttentionShape#EXP2_BITS} fraction bits, widened to
 * P_FRACTION and shifted by the integer part (63 and above give 0). Combinational.
 */
public final class Exp2Unit extends Module implements Exp2Function {
  public final UInt t;
  public final UInt p = out("p", AttentionShape.P_FRACTION + 1);

  public Exp2Unit(int tBits) {
    param("t_bits", tBits);
    t = in("t", tBits);
    int xf = AttentionShape.X_FRACTION;
    int pw = AttentionShape.EXP2_BITS + 1;
    UInt integer = t.bits(tBits - 1, xf);
    UInt shift = mux(integer.ge(lit(63, integer.width())), lit(63, 6), integer.resize(6));
    UInt idx = t.bits(xf - 1, xf - 6);
    UInt r = t.bits(xf - 7, 0);
    UInt y = table(idx, 0, 6);
    UInt a = r.mul(lit(AttentionShape.LN2, 16)).shr(xf - 8); // a x 2^24, < 2^18
    UInt y1 = y.mul(a).shr(24);
    UInt y2 = y1.mul(a).shr(25);
    UInt v = y.zext(pw + 1).sub(y1.zext(pw + 1)).trunc(pw + 1).add(y2.zext(pw + 1)).trunc(pw);
    int widen = AttentionShape.P_FRACTION - AttentionShape.EXP2_BITS;
    p.assign(
        v.zext(AttentionShape.P_FRACTION + 1)
            .shl(widen)
            .trunc(AttentionShape.P_FRACTION + 1)
            .shiftRight(shift));
  }

  /**
   * The table entries [base, base + 2^bits) as a multiplexer tree on idx's low {@code bits} bits.
   */
  private UInt table(UInt idx, int base, int bits) {
    if (bits == 0) {
      return lit(AttentionShape.table(base), AttentionShape.EXP2_BITS + 1);
    }
    int half = 1 << (bits - 1);
    return mux(idx.bit(bits - 1), table(idx, base + half, bits - 1), table(idx, base, bits - 1));
  }

  @Override
  public UInt t() {
    return t;
  }

  @Override
  public UInt p() {
    return p;
  }

  @Override
  public String kindName() {
    return "exp2_unit";
  }
}

package io.hardformer.generators.attention;

import io.hardformer.dsl.Module;
import io.hardformer.dsl.UInt;
import io.hardformer.generators.arithmetic.CarrySave;
import java.util.List;

/**
 * {@link Exp2Unit}'s function, the same bits, over {@link #LATENCY} registered stages for {@code
 * attention --pipeline deep}: (1) table entry y, integer shift, and a = r ln2 as two carry-save
 * rows; (2) a resolved; (3) y x a as two carry-save rows; (4) y1 = (y x a) >> 24 resolved; (5) y1 x
 * a as two rows; (6) y2 = (y1 x a) >> 25 resolved beside y - y1; (7) v = y - y1 + y2. The output
 * shift by the integer part is combinational after stage 7 (the head registers p). Each stage is a
 * table multiplexer, a carry-save tree of at most 6 full-adder levels, or one adder of at most 43
 * bits; the combinational unit chains three multiplies and two adds (116.7 FO4 at 0.18 um,
 * docs/BENCHMARKS.md "Attention at <= 30 FO4").
 */
public final class StagedExp2Unit extends Module implements Exp2Function {
  /** Registered stages from {@code t} to {@code p} (p itself is combinational from the last). */
  public static final int LATENCY = 7;

  public final UInt t;
  public final UInt p = out("p", AttentionShape.P_FRACTION + 1);

  public StagedExp2Unit(int tBits) {
    param("t_bits", tBits);
    t = in("t", tBits);
    int xf = AttentionShape.X_FRACTION;
    int pw = AttentionShape.EXP2_BITS + 1;
    UInt integer = t.bits(tBits - 1, xf);
    UInt shift = mux(integer.ge(lit(63, integer.width())), lit(63, 6), integer.resize(6));
    UInt idx = t.bits(xf - 1, xf - 6);
    UInt r = t.bits(xf - 7, 0);

    UInt shiftR = delay("s_shift", shift, LATENCY); // the integer part travels beside the stages

    // 1: y, and r x ln2 as two rows
    int aBits = r.width() + 16;
    List<UInt> aRows =
        registered(
            "s1_a", CarrySave.reduce(CarrySave.constantRows(r, AttentionShape.LN2, aBits), 2, 0));
    UInt y1s = regNext("s1_y", table(idx, 0, 6));

    // 2: a = (r x ln2) >> (xf - 8), a x 2^24 < 2^18
    UInt a2 = regNext("s2_a", CarrySave.resolve(aRows).shr(xf - 8));
    UInt y2s = regNext("s2_y", y1s);

    // 3: y x a as two rows
    List<UInt> ya = registered("s3_ya", productRows(y2s, a2));
    UInt a3 = regNext("s3_a", a2);
    UInt y3s = regNext("s3_y", y2s);

    // 4: y1 = (y x a) >> 24
    UInt y1 = regNext("s4_y1", CarrySave.resolve(ya).shr(24));
    UInt a4 = regNext("s4_a", a3);
    UInt y4s = regNext("s4_y", y3s);

    // 5: y1 x a as two rows
    List<UInt> y1a = registered("s5_y1a", productRows(y1, a4));
    UInt y15 = regNext("s5_y1", y1);
    UInt y5s = regNext("s5_y", y4s);

    // 6: y2 = (y1 x a) >> 25, and y - y1
    UInt y2 = regNext("s6_y2", CarrySave.resolve(y1a).shr(25));
    UInt diff = regNext("s6_diff", y5s.zext(pw + 1).sub(y15.zext(pw + 1)).trunc(pw));

    // 7: v = y - y1 + y2
    UInt v = regNext("s7_v", diff.add(y2.zext(pw)).trunc(pw)); // mod 2^pw, as Exp2Unit
    int widen = AttentionShape.P_FRACTION - AttentionShape.EXP2_BITS;
    p.assign(
        v.zext(AttentionShape.P_FRACTION + 1)
            .shl(widen)
            .trunc(AttentionShape.P_FRACTION + 1)
            .shiftRight(shiftR));
    timing(LATENCY, 1);
  }

  /** x * y as two carry-save rows of the full product width. */
  private static List<UInt> productRows(UInt x, UInt y) {
    return CarrySave.reduce(CarrySave.productRows(x, y, x.width() + y.width()), 2, 0);
  }

  /** The rows, each registered ({@code name_0}, {@code name_1}). */
  private List<UInt> registered(String name, List<UInt> rows) {
    List<UInt> out = new java.util.ArrayList<>();
    for (int k = 0; k < rows.size(); k++) {
      out.add(regNext(name + "_" + k, rows.get(k)));
    }
    return out;
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
    return "exp2_unit_staged";
  }
}

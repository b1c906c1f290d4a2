package io.hardformer.generators.rope;

import io.hardformer.dsl.Bool;
import io.hardformer.dsl.Module;
import io.hardformer.dsl.SInt;
import io.hardformer.dsl.UInt;

/**
 * sin and cos of a 32-bit phase (turns), unit 2^-30, bit-exact to {@link RopeGolden#sinCos}. Ports
 * {@code clk, rst, in_valid, phase[31:0], out_valid, sin[31:0], cos[31:0]} (two's complement); II
 * 1, latency {@link #LATENCY}.
 *
 * <p>Stages: 1 = table look-up (8-bit index, 256 entries) and {@code d = delta × 2π} (22 × 32
 * multiply); 2 = {@code d²} and {@code cos × d}, {@code sin × d} (31 × 23); 3 = {@code sin × d²/2},
 * {@code cos × d²/2} (31 × 15); 4 = the two 34-bit sums and the quadrant swap/negate.
 */
public final class RopeSinCos extends Module {
  public static final int LATENCY = 4;

  public final Bool inValid = in("in_valid");
  public final UInt phase = in("phase", 32);
  public final Bool outValid = out("out_valid");
  public final UInt sin = out("sin", 32);
  public final UInt cos = out("cos", 32);

  public RopeSinCos() {
    timing(LATENCY, 1);
    int tb = RopeGolden.TABLE_BITS;
    UInt quadrant = phase.bits(31, 30);
    UInt k = phase.bits(29, 30 - tb);
    UInt delta = phase.bits(29 - tb, 0);
    UInt[] sinTable = new UInt[1 << tb];
    UInt[] cosTable = new UInt[1 << tb];
    for (int i = 0; i < sinTable.length; i++) {
      long[] e = RopeGolden.tableEntry(i);
      sinTable[i] = lit(e[0], 31);
      cosTable[i] = lit(e[1], 31);
    }
    // stage 1
    UInt sn = regNext("s1_sin_t", lookUp(sinTable, k));
    UInt cs = regNext("s1_cos_t", lookUp(cosTable, k));
    UInt d = regNext("s1_d", delta.mul(lit(RopeGolden.TWO_PI, 32)).bits(53, 31)); // 23 bits
    UInt q1 = regNext("s1_quadrant", quadrant);
    Bool v1 = regNext("s1_valid", inValid, false);
    // stage 2
    UInt halfD2 = regNext("s2_half_d2", d.mul(d).bits(45, 31)); // 15 bits
    UInt cd = regNext("s2_cos_d", cs.mul(d).bits(53, RopeGolden.TRIG_BITS)); // 24 bits
    UInt sd = regNext("s2_sin_d", sn.mul(d).bits(53, RopeGolden.TRIG_BITS));
    UInt sn2 = regNext("s2_sin_t", sn);
    UInt cs2 = regNext("s2_cos_t", cs);
    UInt q2 = regNext("s2_quadrant", q1);
    Bool v2 = regNext("s2_valid", v1, false);
    // stage 3
    UInt shd = regNext("s3_sin_hd2", sn2.mul(halfD2).bits(45, RopeGolden.TRIG_BITS)); // 16 bits
    UInt chd = regNext("s3_cos_hd2", cs2.mul(halfD2).bits(45, RopeGolden.TRIG_BITS));
    UInt cd3 = regNext("s3_cos_d", cd);
    UInt sd3 = regNext("s3_sin_d", sd);
    UInt sn3 = regNext("s3_sin_t", sn2);
    UInt cs3 = regNext("s3_cos_t", cs2);
    UInt q3 = regNext("s3_quadrant", q2);
    Bool v3 = regNext("s3_valid", v2, false);
    // stage 4: 34-bit signed sums, quadrant select
    SInt sinR = signed(sn3).add(signed(cd3)).sub(signed(shd)).trunc(34);
    SInt cosR = signed(cs3).sub(signed(sd3)).sub(signed(chd)).trunc(34);
    SInt negSin = sinR.neg().trunc(34);
    SInt negCos = cosR.neg().trunc(34);
    Bool qHi = q3.bit(1);
    Bool qLo = q3.bit(0);
    // quadrant 0: {s, c}; 1: {c, -s}; 2: {-s, -c}; 3: {-c, s}
    SInt sinOut = mux(qHi, mux(qLo, negCos, negSin), mux(qLo, cosR, sinR));
    SInt cosOut = mux(qHi, mux(qLo, sinR, negCos), mux(qLo, negSin, cosR));
    sin.assign(regNext("out_sin", sinOut.trunc(32).asUInt()));
    cos.assign(regNext("out_cos", cosOut.trunc(32).asUInt()));
    outValid.assign(regNext("out_valid_r", v3, false));
  }

  private static SInt signed(UInt u) {
    return u.zext(34).asSInt();
  }

  /** A binary mux tree over the index bits: entry {@code index} of {@code table}. */
  static UInt lookUp(UInt[] table, UInt index) {
    UInt[] level = table;
    for (int b = 0; b < index.width(); b++) {
      UInt[] next = new UInt[level.length / 2];
      for (int i = 0; i < next.length; i++) {
        next[i] = mux(index.bit(b), level[2 * i + 1], level[2 * i]);
      }
      level = next;
    }
    return level[0];
  }

  @Override
  public String kindName() {
    return "rope_sin_cos";
  }
}

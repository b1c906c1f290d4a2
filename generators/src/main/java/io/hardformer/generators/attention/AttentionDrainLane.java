package io.hardformer.generators.attention;

import io.hardformer.dsl.Bool;
import io.hardformer.dsl.HwType;
import io.hardformer.dsl.Module;
import io.hardformer.dsl.SInt;
import io.hardformer.dsl.UInt;
import io.hardformer.generators.catalog.LaneUnits;
import io.hardformer.generators.floating.FixedToFloat;

/**
 * One output element of the attention drain: o_d = acc_d x reciprocal, rounded once to the output
 * format. The {@link AttentionShape#RECIPROCAL_BITS}-bit reciprocal is cut into {@link
 * AttentionShape#drainStages} slices, most significant first, and the product is built over as many
 * registered stages by Horner's rule: partial_1 = acc x slice_1, partial_i = (partial_(i-1) <<
 * width_i) + acc x slice_i. The last partial is the exact product, so every stage count gives the
 * same bits; a stage multiplies by a narrower slice (14 bits at 2 stages instead of 27 at 1), which
 * is what lets ABC map the lane at all (docs/BENCHMARKS.md, issue 17). Then {@link FixedToFloat} (2
 * stages). Latency {@code drainStages + FixedToFloat.LATENCY}, II 1; the unit instantiates one lane
 * per element, so a synthesis that keeps the hierarchy maps the lane once. {@code nan} and {@code
 * lz} are read with the last partial, {@code drainStages} cycles after {@code acc} (the unit delays
 * them once for all lanes).
 */
public final class AttentionDrainLane extends Module {
  public final SInt acc;
  public final UInt recip = in("recip", AttentionShape.RECIPROCAL_BITS);
  public final Bool nan = in("nan");
  public final UInt lz;
  public final UInt out;

  /** Cycles from {@code acc} and {@code recip} to {@code out}. */
  public final int latency;

  private final LaneUnits units;

  public AttentionDrainLane(AttentionShape s, int lzBits) {
    this(s, lzBits, LaneUnits.BUILT);
  }

  /**
   * Built {@link LaneUnits#PORTS_ONLY}, the lane has these ports and no logic (output tied to zero,
   * kind {@code attention_drain_lane_ports}): for the area bill, which prices D lanes from one
   * elaborated copy; never emitted.
   */
  public AttentionDrainLane(AttentionShape s, int lzBits, LaneUnits units) {
    this.units = units;
    int accBits = s.accBits();
    int stages = s.drainStages();
    param("acc_bits", accBits);
    param("stages", stages);
    param("out_format", s.outFormat().cliName());
    acc = in("acc", HwType.sint(accBits));
    lz = in("lz", lzBits);
    out = out("out", s.outFormat().width());
    latency = latency(s);
    if (units == LaneUnits.PORTS_ONLY) {
      out.assign(lit(0, s.outFormat().width()));
      return;
    }

    SInt a = acc;
    UInt r = recip;
    SInt partial = null;
    int consumed = 0; // reciprocal bits multiplied in so far, from the top
    for (int i = 0; i < stages; i++) {
      int width = sliceWidth(AttentionShape.RECIPROCAL_BITS, stages, i);
      int hi = AttentionShape.RECIPROCAL_BITS - 1 - consumed;
      SInt slice = r.bits(hi, hi - width + 1).zext(width + 1).asSInt();
      SInt term = a.mul(slice);
      consumed += width;
      int bits = accBits + consumed + 1; // |acc x top consumed bits| < 2^(accBits - 1 + consumed)
      SInt sum = partial == null ? term : partial.shl(width).add(term.sext(bits)).trunc(bits);
      partial = regNext("partial" + (i + 1), sum.sext(bits));
      if (i + 1 < stages) {
        a = regNext("acc" + (i + 1), a);
        r = regNext("recip" + (i + 1), r);
      }
    }
    int productBits = accBits + AttentionShape.RECIPROCAL_BITS + 1;
    FixedToFloat rounding =
        instance("rounding", new FixedToFloat(productBits, s.outputUnit(), s.outFormat(), lzBits));
    rounding.sum.assign(partial.sext(productBits));
    rounding.nan.assign(nan);
    rounding.posInf.assign(bool(false));
    rounding.negInf.assign(bool(false));
    rounding.expAdjust.assign(lz);
    out.assign(rounding.out);
    timing(latency, 1);
  }

  /** Cycles from {@code acc} to {@code out} of a lane of this shape. */
  static int latency(AttentionShape s) {
    return s.drainStages() + FixedToFloat.LATENCY;
  }

  /**
   * Width of slice {@code index} (0 = most significant) when {@code bits} are cut into {@code
   * count} slices: the first {@code bits % count} slices are one bit wider.
   */
  static int sliceWidth(int bits, int count, int index) {
    return bits / count + (index < bits % count ? 1 : 0);
  }

  @Override
  public String kindName() {
    return units == LaneUnits.BUILT ? "attention_drain_lane" : "attention_drain_lane_ports";
  }
}

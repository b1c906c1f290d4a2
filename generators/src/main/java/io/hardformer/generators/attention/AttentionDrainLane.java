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
    if (units == LaneUnits.PORTS_ONLY || s.deep()) {
      out.assign(s.deep() ? deepLane(s, lzBits) : lit(0, s.outFormat().width()));
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
    return s.deep() ? deepLatency(s) : s.drainStages() + FixedToFloat.LATENCY;
  }

  /**
   * Width of slice {@code index} (0 = most significant) when {@code bits} are cut into {@code
   * count} slices: the first {@code bits % count} slices are one bit wider.
   */
  static int sliceWidth(int bits, int count, int index) {
    return bits / count + (index < bits % count ? 1 : 0);
  }

  /**
   * Cycles from {@code acc} to {@code out} with {@code --pipeline deep}: the input register, the
   * product stages, two resolving stages and {@link
   * io.hardformer.generators.floating.AdjustedStagedFixedToFloat#LATENCY}.
   */
  static int deepLatency(AttentionShape s) {
    return productLatency(s) + io.hardformer.generators.floating.AdjustedStagedFixedToFloat.LATENCY;
  }

  /**
   * Cycles from {@code acc} to the rounding's input, where {@code nan} and {@code lz} are read:
   * {@code drainStages} by default; with {@code --pipeline deep} one input register, {@code
   * drainStages} carry-save stages and two resolving stages.
   */
  static int productLatency(AttentionShape s) {
    return s.deep() ? 1 + s.drainStages() + RESOLVE_STAGES : s.drainStages();
  }

  /** Stages that add the deep lane's two carry-save rows: low half, then high half. */
  static final int RESOLVE_STAGES = 2;

  /**
   * The lane of {@code --pipeline deep}: acc and the reciprocal registered first (the unit's head
   * multiplexer ends there); Horner's rule over {@code drainStages} stages with the partial product
   * kept as two carry-save rows (each stage: the rows of acc x one reciprocal slice plus the two
   * rows shifted, reduced by full-adder levels, no carry chain); the two rows added in two stages
   * of half the width; then {@link io.hardformer.generators.floating.AdjustedStagedFixedToFloat}.
   * The same product, so the same bits.
   */
  private UInt deepLane(AttentionShape s, int lzBits) {
    if (units == LaneUnits.PORTS_ONLY) {
      return lit(0, s.outFormat().width());
    }
    param("pipeline", "deep");
    int accBits = s.accBits();
    int stages = s.drainStages();
    int productBits = accBits + AttentionShape.RECIPROCAL_BITS + 1;
    UInt a = regNext("acc0", acc).asSInt().sext(productBits).asUInt();
    UInt r = regNext("recip0", recip);
    java.util.List<UInt> rows = java.util.List.of();
    int consumed = 0;
    for (int i = 0; i < stages; i++) {
      int width = sliceWidth(AttentionShape.RECIPROCAL_BITS, stages, i);
      int hi = AttentionShape.RECIPROCAL_BITS - 1 - consumed;
      consumed += width;
      java.util.List<UInt> stage = new java.util.ArrayList<>();
      for (UInt row : rows) {
        stage.add(row.shl(width).trunc(productBits));
      }
      stage.addAll(
          io.hardformer.generators.arithmetic.CarrySave.productRows(
              a, r.bits(hi, hi - width + 1), productBits));
      java.util.List<UInt> two = io.hardformer.generators.arithmetic.CarrySave.reduce(stage, 2, 0);
      java.util.List<UInt> next = new java.util.ArrayList<>();
      for (int k = 0; k < two.size(); k++) {
        next.add(regNext("partial" + (i + 1) + "_" + k, two.get(k)));
      }
      rows = next;
      if (i + 1 < stages) {
        a = regNext("acc" + (i + 1), a);
        r = regNext("recip" + (i + 1), r);
      }
    }
    UInt x = rows.get(0);
    UInt y = rows.size() > 1 ? rows.get(1) : lit(0, productBits);
    int low = productBits / 2;
    UInt lowSum = x.trunc(low).add(y.trunc(low)); // low + 1 bits
    UInt lowR = regNext("resolve_low", lowSum.trunc(low));
    UInt carryR = regNext("resolve_carry", lowSum.bits(low, low));
    UInt xHigh = regNext("resolve_x", x.bits(productBits - 1, low));
    UInt yHigh = regNext("resolve_y", y.bits(productBits - 1, low));
    UInt high = xHigh.add(yHigh).add(carryR.zext(xHigh.width() + 1)).trunc(productBits - low);
    UInt product = regNext("product", high.cat(lowR));
    io.hardformer.generators.floating.AdjustedStagedFixedToFloat rounding =
        instance(
            "rounding",
            new io.hardformer.generators.floating.AdjustedStagedFixedToFloat(
                productBits, s.outputUnit(), s.outFormat(), lzBits));
    rounding.sum.assign(product.asSInt());
    rounding.nan.assign(nan);
    rounding.expAdjust.assign(lz);
    timing(latency, 1);
    return rounding.out;
  }

  @Override
  public String kindName() {
    return units == LaneUnits.BUILT ? "attention_drain_lane" : "attention_drain_lane_ports";
  }
}

package io.hardformer.generators.attention;

import io.hardformer.dsl.Bool;
import io.hardformer.dsl.HwType;
import io.hardformer.dsl.Module;
import io.hardformer.dsl.SInt;
import io.hardformer.dsl.UInt;

/**
 * The ports of {@link AttentionDrainLane} (same names and widths) without its logic: the output
 * tied to zero, so its IR estimate is zero. For the attention area bill, which builds the unit with
 * {@link io.hardformer.generators.catalog.LaneUnits#PORTS_ONLY} and adds D priced copies of the
 * lane; never emitted.
 */
public final class AttentionDrainLanePorts extends Module {
  public final SInt acc;
  public final UInt recip = in("recip", AttentionShape.RECIPROCAL_BITS);
  public final Bool nan = in("nan");
  public final UInt lz;
  public final UInt out;

  public AttentionDrainLanePorts(AttentionShape s, int lzBits) {
    acc = in("acc", HwType.sint(s.accBits()));
    lz = in("lz", lzBits);
    out = out("out", s.outFormat().width());
    out.assign(lit(0, s.outFormat().width()));
  }

  @Override
  public String kindName() {
    return "attention_drain_lane_ports";
  }
}

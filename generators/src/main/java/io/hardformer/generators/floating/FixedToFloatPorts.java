package io.hardformer.generators.floating;

import io.hardformer.dsl.Bool;
import io.hardformer.dsl.HwType;
import io.hardformer.dsl.Module;
import io.hardformer.dsl.SInt;
import io.hardformer.dsl.UInt;
import io.hardformer.generators.fp8.FloatPacker;

/**
 * The ports of {@link FixedToFloat} with an exponent adjustment (same names and widths) without its
 * logic: the output tied to zero, so its IR estimate is zero. For area bills that build a design
 * with {@link io.hardformer.generators.catalog.LaneUnits#PORTS_ONLY} and add priced copies of
 * {@link FixedToFloat}; never emitted.
 */
public final class FixedToFloatPorts extends Module {
  public final SInt sum;
  public final Bool nan = in("nan");
  public final Bool posInf = in("pos_inf");
  public final Bool negInf = in("neg_inf");
  public final UInt expAdjust;
  public final UInt out;

  public FixedToFloatPorts(int sumBits, FloatPacker outFormat, int adjustBits) {
    sum = in("sum", HwType.sint(sumBits));
    expAdjust = in("exp_adjust", adjustBits);
    out = out("out", outFormat.width());
    out.assign(lit(0, outFormat.width()));
  }

  @Override
  public String kindName() {
    return "fixed_to_float_ports";
  }
}

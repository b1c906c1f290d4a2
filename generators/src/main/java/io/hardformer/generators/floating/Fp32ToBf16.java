package io.hardformer.generators.floating;

import io.hardformer.dsl.Bool;
import io.hardformer.dsl.Module;
import io.hardformer.dsl.UInt;

/**
 * Rounds an FP32 code to BF16 with round-to-nearest-even on the code itself (same exponent range,
 * so subnormals, the carry into the exponent and overflow to Inf all fall out of one 16-bit
 * increment). NaN becomes the canonical BF16 quiet NaN 0x7FC0. Combinational.
 */
public final class Fp32ToBf16 extends Module {
  public final UInt in = in("in", 32);
  public final UInt out = out("out", 16);

  public Fp32ToBf16() {
    Bool nan = in.as(Fp32.LAYOUT).isNan();
    UInt kept = in.bits(31, 16);
    Bool guard = in.bit(15);
    Bool sticky = in.bits(14, 0).orR();
    Bool roundUp = guard.and(sticky.or(kept.bit(0)));
    UInt rounded = kept.add(roundUp.asUInt()).trunc(16);
    out.assign(mux(nan, lit(0x7FC0, 16), rounded));
  }

  @Override
  public String kindName() {
    return "fp32_to_bf16";
  }
}

package io.hardformer.generators.normalization;

import io.hardformer.dsl.Bool;
import io.hardformer.dsl.Module;
import io.hardformer.dsl.UInt;
import io.hardformer.generators.floating.Fp32;

/**
 * The fields of one FP32 code as the normalization units read them: sign, 24-bit significand
 * (hidden one unless subnormal), effective exponent field (1 for subnormals and zeros) and the
 * special flag (Inf or NaN). Combinational.
 */
public final class Fp32Decode extends Module {
  public final UInt x = in("x", 32);
  public final Bool sign = out("sign");
  public final UInt significand = out("significand", 24);
  public final UInt exponent = out("exponent", 8);
  public final Bool special = out("special");

  public Fp32Decode() {
    Fp32 f = x.as(Fp32.LAYOUT);
    Bool zeroField = f.exponent.isZero();
    sign.assign(f.sign);
    significand.assign(zeroField.not().cat(f.fraction));
    exponent.assign(mux(zeroField, lit(1, 8), f.exponent));
    special.assign(f.isSpecial());
  }

  @Override
  public String kindName() {
    return "fp32_decode";
  }
}

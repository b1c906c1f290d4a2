package io.hardformer.generators.floating;

import io.hardformer.dsl.Bool;
import io.hardformer.dsl.Bundle;
import io.hardformer.dsl.BundleType;
import io.hardformer.dsl.Fields;
import io.hardformer.dsl.UInt;

/**
 * The fields of an IEEE-754 binary32 code (Amaranth's {@code IEEE754Single} struct): {@code
 * code.as(Fp32.LAYOUT).exponent} is bits 30..23 of a 32-bit vector.
 */
public final class Fp32 extends Bundle<Fp32> {
  public static final BundleType<Fp32> LAYOUT = BundleType.of(Fp32::new);
  public static final int FRACTION_BITS = 23;
  public static final int EXPONENT_BITS = 8;

  /** Bits 22..0. */
  public final UInt fraction;

  /** Bits 30..23, biased by 127. */
  public final UInt exponent;

  /** Bit 31. */
  public final Bool sign;

  private Fp32(Fields f) {
    super(f);
    fraction = f.uint("fraction", FRACTION_BITS);
    exponent = f.uint("exponent", EXPONENT_BITS);
    sign = f.bool("sign");
  }

  /** Exponent field all ones: Inf or NaN. */
  public Bool isSpecial() {
    return exponent.andR();
  }

  /** NaN: exponent all ones, fraction not zero. */
  public Bool isNan() {
    return isSpecial().and(fraction.orR());
  }
}

package io.hardformer.generators.normalization;

import io.hardformer.dsl.Bool;
import io.hardformer.dsl.Bundle;
import io.hardformer.dsl.BundleType;
import io.hardformer.dsl.Fields;
import io.hardformer.dsl.SInt;
import io.hardformer.dsl.UInt;

/**
 * An {@link ExtendedFloat} in hardware: sign {@code neg}, 32-bit significand {@code m} (top bit
 * set, or 0 for zero) and a signed {@link NormalizationShape#EXPONENT_BITS}-bit exponent {@code e}.
 */
public final class ExtendedFloatBits extends Bundle<ExtendedFloatBits> {
  public static final BundleType<ExtendedFloatBits> TYPE = BundleType.of(ExtendedFloatBits::new);

  public final Bool neg;
  public final UInt m;
  public final SInt e;

  private ExtendedFloatBits(Fields f) {
    super(f);
    neg = f.bool("neg");
    m = f.uint("m", ExtendedFloat.BITS);
    e = f.sint("e", NormalizationShape.EXPONENT_BITS);
  }

  public Bool isZero() {
    return m.isZero();
  }
}

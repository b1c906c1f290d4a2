package io.hardformer.generators.fp8;

import io.hardformer.dsl.Bool;
import io.hardformer.dsl.Bundle;
import io.hardformer.dsl.BundleType;
import io.hardformer.dsl.Fields;
import io.hardformer.dsl.UInt;
import io.hardformer.generators.numerics.Fp8Format;

/** The fields of an OCP FP8 code: {@code code.as(Fp8Code.layout(f)).exponent}. */
public final class Fp8Code extends Bundle<Fp8Code> {
  private static final BundleType<Fp8Code> E4M3 =
      BundleType.of(fields -> new Fp8Code(fields, Fp8Format.E4M3));
  private static final BundleType<Fp8Code> E5M2 =
      BundleType.of(fields -> new Fp8Code(fields, Fp8Format.E5M2));

  /** The low {@code mantissaBits} bits. */
  public final UInt mantissa;

  /** The next {@code exponentBits} bits. */
  public final UInt exponent;

  /** Bit 7. */
  public final Bool sign;

  private Fp8Code(Fields f, Fp8Format format) {
    super(f);
    mantissa = f.uint("mantissa", format.mantissaBits());
    exponent = f.uint("exponent", format.exponentBits());
    sign = f.bool("sign");
  }

  public static BundleType<Fp8Code> layout(Fp8Format format) {
    return format == Fp8Format.E4M3 ? E4M3 : E5M2;
  }
}

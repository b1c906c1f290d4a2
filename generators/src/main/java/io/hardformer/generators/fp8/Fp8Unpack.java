package io.hardformer.generators.fp8;

import io.hardformer.dsl.Bool;
import io.hardformer.dsl.Module;
import io.hardformer.dsl.UInt;
import io.hardformer.generators.numerics.Fp8Format;

/**
 * Splits an FP8 code into sign, integer significand (hidden bit included, M+1 bits), effective
 * exponent field (subnormals use 1) and class flags. Combinational.
 */
public final class Fp8Unpack extends Module {
  public final UInt code = in("code", 8);
  public final Bool sign = out("sign");
  public final UInt significand;
  public final UInt exponent;
  public final Bool zero = out("zero");
  public final Bool nan = out("nan");
  public final Bool inf = out("inf");

  public Fp8Unpack(Fp8Format f) {
    param("format", f.cliName());
    int m = f.mantissaBits();
    int e = f.exponentBits();
    significand = out("significand", m + 1);
    exponent = out("exponent", e);
    Fp8Code fields = code.as(Fp8Code.layout(f));
    UInt expField = fields.exponent.named("exp_field");
    UInt man = fields.mantissa.named("man");
    Bool expZero = expField.isZero().named("exp_zero");
    Bool expOnes = expField.andR().named("exp_ones");
    sign.assign(fields.sign);
    significand.assign(expZero.not().cat(man));
    exponent.assign(mux(expZero, lit(1, e), expField));
    zero.assign(expZero.and(man.isZero()));
    if (f.hasInfinities()) {
      nan.assign(expOnes.and(man.orR()));
      inf.assign(expOnes.and(man.isZero()));
    } else {
      nan.assign(expOnes.and(man.andR()));
      inf.assign(bool(false));
    }
  }

  @Override
  public String kindName() {
    return "fp8_unpack";
  }
}

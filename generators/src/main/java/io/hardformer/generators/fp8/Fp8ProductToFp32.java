package io.hardformer.generators.fp8;

import io.hardformer.dsl.Bool;
import io.hardformer.dsl.Module;
import io.hardformer.dsl.UInt;
import io.hardformer.generators.numerics.Fp8Format;

/**
 * The exact product of two FP8 codes in FP32 form: sign, biased FP32 exponent and the significand
 * product normalized so its top bit is the leading one ({@code 2(M+1)} bits: 8 for E4M3, 6 for
 * E5M2; the rest of the 24-bit FP32 significand is zeros). Every nonzero FP8 product is a normal
 * FP32 number (biased exponents 107..144 for E4M3, 95..158 for E5M2), so no subnormal case exists.
 * Flags: zero product, NaN (NaN operand or Inf x 0), Inf. Combinational.
 */
public final class Fp8ProductToFp32 extends Module {
  public final UInt a = in("a", 8);
  public final UInt b = in("b", 8);
  public final Bool sign = out("sign");
  public final UInt exponent = out("exponent", 8);
  public final UInt significand;
  public final Bool zero = out("zero");
  public final Bool nan = out("nan");
  public final Bool inf = out("inf");

  public Fp8ProductToFp32(Fp8Format f) {
    param("format", f.cliName());
    int p = 2 * (f.mantissaBits() + 1);
    significand = out("significand", p);
    Fp8ProductCore core = instance("core", new Fp8ProductCore(f));
    core.a.assign(a);
    core.b.assign(b);
    UInt lz = core.product.clz();
    // value = product x 2^(exponentSum - 2 + 2q); leading one at bit p-1-lz
    int base = p - 1 - 2 + 2 * f.quantumExponent() + 127;
    UInt biased = lit(base, 9).add(core.exponentSum.zext(9)).trunc(9).sub(lz.zext(9)).trunc(9);
    sign.assign(core.sign);
    exponent.assign(biased.trunc(8));
    significand.assign(core.product.shiftLeft(lz));
    zero.assign(core.product.isZero());
    nan.assign(core.nan);
    inf.assign(core.inf);
  }

  @Override
  public String kindName() {
    return "fp8_product_to_fp32";
  }
}

package io.hardformer.generators.fp8;

import io.hardformer.dsl.Bool;
import io.hardformer.dsl.Module;
import io.hardformer.dsl.UInt;
import io.hardformer.generators.numerics.Fp8Format;

/**
 * The part every FP8 product shares: both operands unpacked, the product sign, the (M+1)x(M+1)
 * significand product, the sum of the effective exponent fields, and the special cases in one
 * place: NaN for a NaN operand or Inf x 0, Inf for any other infinite operand. Combinational.
 */
public final class Fp8ProductCore extends Module {
  final UInt a = in("a", 8);
  final UInt b = in("b", 8);
  final Bool sign = out("sign");
  final UInt product;
  final UInt exponentSum;
  final Bool nan = out("nan");
  final Bool inf = out("inf");

  public Fp8ProductCore(Fp8Format f) {
    param("format", f.cliName());
    product = out("product", 2 * (f.mantissaBits() + 1));
    exponentSum = out("exponent_sum", f.exponentBits() + 1);
    Fp8Unpack ua = instance("unpack_a", new Fp8Unpack(f));
    Fp8Unpack ub = instance("unpack_b", new Fp8Unpack(f));
    ua.code.assign(a);
    ub.code.assign(b);
    sign.assign(ua.sign.xor(ub.sign));
    product.assign(ua.significand.mul(ub.significand));
    exponentSum.assign(ua.exponent.add(ub.exponent));
    Bool invalid =
        ua.nan.or(ub.nan).or(ua.inf.and(ub.zero)).or(ub.inf.and(ua.zero)).named("invalid");
    nan.assign(invalid);
    inf.assign(ua.inf.or(ub.inf).and(invalid.not()));
  }

  @Override
  public String kindName() {
    return "fp8_product_core";
  }
}

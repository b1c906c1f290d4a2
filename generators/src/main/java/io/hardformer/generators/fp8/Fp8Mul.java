package io.hardformer.generators.fp8;

import io.hardformer.dsl.Bool;
import io.hardformer.dsl.Module;
import io.hardformer.dsl.StreamPorts;
import io.hardformer.dsl.UInt;
import io.hardformer.dsl.Valid;
import io.hardformer.generators.floating.OutputRow;
import io.hardformer.generators.numerics.Fp8Format;

/**
 * Exact FP8 × FP8 multiplier with an FP32 result (every OFP8 product is exact in FP32). Ports
 * {@code clk, rst, in_valid, a[7:0], b[7:0], out_valid, out[31:0]}; {@code out_valid} is {@code
 * in_valid} delayed by {@code stages} cycles; II 1.
 *
 * <p>Stages: 1 = everything in one cycle; 2 (default) = decode, (M+1)×(M+1) multiply and exponent
 * add, then normalize (leading-zero count, shift) and pack; 3 = also a register between normalize
 * and the special-value select. The default assumes ~1 GHz: a 4×4 multiply and a 6-bit add fit one
 * stage.
 */
public final class Fp8Mul extends Module {
  final Valid<Fp8Operands> in =
      inValid("in", Fp8Operands.type(1), StreamPorts.DEFAULT.bareFields());
  final Valid<OutputRow> out =
      outValid("out", OutputRow.type(32), StreamPorts.DEFAULT.bareFields());

  public Fp8Mul(Fp8Format f, int stages) {
    if (stages < 1 || stages > 3) {
      throw new IllegalArgumentException("stages must be 1 to 3, got " + stages);
    }
    param("format", f.cliName());
    param("stages", stages);
    timing(stages, 1);
    int m = f.mantissaBits();
    int pw = 2 * (m + 1);

    // stage 1: sign, significand product, exponent sum, special cases
    Fp8ProductCore core = instance("core", new Fp8ProductCore(f));
    core.a.assign(in.payload().a);
    core.b.assign(in.payload().b);
    Bool sign = core.sign;
    UInt product = core.product;
    UInt expSum = core.exponentSum;
    Bool nan = core.nan;
    Bool inf = core.inf;
    Bool valid = in.valid();
    if (stages >= 2) {
      sign = regNext("s1_sign", sign);
      product = regNext("s1_product", product);
      expSum = regNext("s1_exp_sum", expSum);
      nan = regNext("s1_nan", nan);
      inf = regNext("s1_inf", inf);
      valid = regNext("s1_valid", valid, false);
    }

    // stage 2: normalize into FP32 (always normal: the smallest product is 2^-32)
    UInt lz = product.clz();
    UInt normalized = product.shiftLeft(lz);
    UInt fraction = normalized.bits(pw - 2, 0).cat(lit(0, 23 - (pw - 1)));
    int offset =
        128 - 2 * f.bias(); // FP32 bias + leading-one position - 2 * (FP8 bias + M) + 2M + 1
    UInt biased = expSum.zext(8).add(lit(offset, 8)).sub(lz.zext(9)).trunc(8);
    Bool zero = product.isZero();
    UInt finite = sign.cat(biased, fraction);
    if (stages >= 3) {
      finite = regNext("s2_finite", finite);
      zero = regNext("s2_zero", zero);
      sign = regNext("s2_sign", sign);
      nan = regNext("s2_nan", nan);
      inf = regNext("s2_inf", inf);
      valid = regNext("s2_valid", valid, false);
    }
    UInt signedZero = sign.cat(lit(0, 31));
    UInt infinity = sign.cat(lit(0xFF, 8), lit(0, 23));
    UInt result = mux(nan, lit(0x7FC00000L, 32), mux(inf, infinity, mux(zero, signedZero, finite)));
    out.payload().out.assign(regNext("out_r", result));
    out.valid().assign(regNext("out_valid_r", valid, false));
  }

  @Override
  public String kindName() {
    return "fp8_mul";
  }
}

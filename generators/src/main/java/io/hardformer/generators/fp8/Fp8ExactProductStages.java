package io.hardformer.generators.fp8;

import io.hardformer.dsl.Bool;
import io.hardformer.dsl.Module;
import io.hardformer.dsl.UInt;
import io.hardformer.generators.numerics.Fp8Arithmetic;
import io.hardformer.generators.numerics.Fp8Format;

/**
 * {@link Fp8ExactProduct} in two registered stages and without a carry chain, for a carry-save
 * accumulator: stage 1 decodes the codes, multiplies the significands and computes the shift; stage
 * 2 shifts the product into its window. The negative product leaves in one's complement: {@code
 * term} (window + 1 bits, two's complement) is {@code p} for a positive product and {@code -1 -
 * |p|} for a negative one, and {@code negate} says that 1 must still be added (a carry-save adder
 * takes it in the free low bit of its carry word). Latency 2. The registers have no reset (the
 * caller's valid marker decides when the outputs count), so the module has no reset port: a reset
 * net wired to hundreds of lane instances would be one unbuffered net in a hierarchical netlist.
 */
public final class Fp8ExactProductStages extends Module {
  public static final int LATENCY = 2;

  public final UInt a = in("a", 8);
  public final UInt b = in("b", 8);
  public final UInt term;
  public final Bool negate = out("negate");
  public final Bool nan = out("nan");
  public final Bool posInf = out("pos_inf");
  public final Bool negInf = out("neg_inf");

  public Fp8ExactProductStages(Fp8Format f) {
    param("format", f.cliName());
    int window = Fp8Arithmetic.productWindowBits(f);
    term = out("term", window + 1);
    Fp8ProductCore core = instance("core", new Fp8ProductCore(f));
    core.a.assign(a);
    core.b.assign(b);
    // stage 1: product x 2^(ea + eb - 2), effective exponents start at 1
    int e = f.exponentBits() + 1;
    Bool sign = regNext("s1_sign", core.sign);
    UInt product = regNext("s1_product", core.product);
    UInt shift = regNext("s1_shift", core.exponentSum.sub(lit(2, e)).trunc(e));
    Bool nan1 = regNext("s1_nan", core.nan);
    Bool inf1 = regNext("s1_inf", core.inf);
    // stage 2: the shift, and the one's complement of a negative product
    UInt magnitude = product.zext(window).shiftLeft(shift);
    UInt ones = mux(sign, magnitude.not(), magnitude);
    term.assign(regNext("s2_term", sign.asUInt().cat(ones)));
    negate.assign(regNext("s2_negate", sign));
    nan.assign(regNext("s2_nan", nan1));
    posInf.assign(regNext("s2_pos_inf", inf1.and(sign.not())));
    negInf.assign(regNext("s2_neg_inf", inf1.and(sign)));
  }

  @Override
  public String kindName() {
    return "fp8_exact_product_stages";
  }
}

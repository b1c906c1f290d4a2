package io.hardformer.generators.fp8;

import io.hardformer.dsl.Bool;
import io.hardformer.dsl.HwType;
import io.hardformer.dsl.Module;
import io.hardformer.dsl.SInt;
import io.hardformer.dsl.UInt;
import io.hardformer.generators.catalog.LaneUnits;
import io.hardformer.generators.numerics.Fp8Arithmetic;
import io.hardformer.generators.numerics.Fp8Format;

/**
 * {@link Fp8ExactProduct}'s term (the product of two FP8 codes as a two's complement integer in
 * units of the smallest product, window + 1 bits) in two registered stages, so that neither holds a
 * carry chain longer than the significand product's: stage 1 decodes the codes, multiplies the
 * significands and sums the exponents; stage 2 negates the short product ((M+1) x (M+1) bits, a
 * negative one as -p, one bit wider) and shifts it, sign-filled, into its window. The same value as
 * {@link Fp8ExactProduct#term}, bit for bit (special products too), two cycles later, with the
 * lane's flags beside it. Latency {@link #LATENCY}. The registers have no reset (the caller's valid
 * marker decides when the outputs count), so the module has no reset port.
 *
 * <p>Built {@link LaneUnits#PORTS_ONLY}, it has the same ports and no logic (outputs tied to zero,
 * kind {@code fp8_exact_term_stages_ports}): for area bills that price N lanes from one elaborated
 * copy; never emitted.
 */
public final class Fp8ExactTermStages extends Module {
  public static final int LATENCY = 2;

  public final UInt a = in("a", 8);
  public final UInt b = in("b", 8);
  public final SInt term;
  public final Bool nan = out("nan");
  public final Bool posInf = out("pos_inf");
  public final Bool negInf = out("neg_inf");

  private final LaneUnits units;

  public Fp8ExactTermStages(Fp8Format f) {
    this(f, LaneUnits.BUILT);
  }

  public Fp8ExactTermStages(Fp8Format f, LaneUnits units) {
    this.units = units;
    param("format", f.cliName());
    int window = Fp8Arithmetic.productWindowBits(f);
    term = out("term", HwType.sint(window + 1));
    if (units == LaneUnits.PORTS_ONLY) {
      term.assign(slit(0, window + 1));
      nan.assign(bool(false));
      posInf.assign(bool(false));
      negInf.assign(bool(false));
      return;
    }
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
    // stage 2: the product's sign applied before the shift (a carry chain of 2M + 3 bits, not of
    // the window), then the shift with the sign filling the high bits
    int w = product.width() + 1;
    SInt positive = product.zext(w).asSInt();
    SInt signed = mux(sign, positive.neg().trunc(w), positive).named("signed_product");
    SInt shifted = signed.sext(window + 1).shiftLeft(shift);
    if (overflowsWindow(f, window)) {
      // the all-ones exponent (NaN, Inf) shifts a product past the window, where Fp8ExactProduct
      // drops its bits before the sign: modulo 2^(window + 1) its term differs from +-(p << s)
      // only in bit window, by that bit of p << s; flipping it back gives Fp8ExactProduct's term
      Bool past = product.zext(window + 1).shiftLeft(shift).bit(window);
      shifted = shifted.bit(window).xor(past).asUInt().cat(shifted.bits(window - 1, 0)).asSInt();
    }
    term.assign(regNext("s2_term", shifted));
    nan.assign(regNext("s2_nan", nan1));
    posInf.assign(regNext("s2_pos_inf", inf1.and(sign.not())));
    negInf.assign(regNext("s2_neg_inf", inf1.and(sign)));
  }

  /**
   * True when the largest significand product shifted by the largest exponent sum (the all-ones
   * exponent fields included) reaches past {@code window} bits: E5M2, not E4M3.
   */
  private static boolean overflowsWindow(Fp8Format f, int window) {
    long significand = (1L << (f.mantissaBits() + 1)) - 1;
    int productBits = 64 - Long.numberOfLeadingZeros(significand * significand);
    int maxShift = 2 * ((1 << f.exponentBits()) - 1) - 2;
    return productBits + maxShift > window;
  }

  @Override
  public String kindName() {
    return units == LaneUnits.BUILT ? "fp8_exact_term_stages" : "fp8_exact_term_stages_ports";
  }
}

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
 * One lane of an exact dot product: the product of two FP8 codes as a signed fixed-point integer in
 * units of the smallest product (2^-18 for E4M3, 2^-32 for E5M2), window 36 or 64 bits plus sign,
 * and the lane's special-value flags. Combinational. Built {@link LaneUnits#PORTS_ONLY}, it has the
 * same ports and no logic (outputs tied to zero, kind {@code fp8_exact_product_ports}): for area
 * bills that price N products from one elaborated copy; never emitted.
 */
public final class Fp8ExactProduct extends Module {
  public final UInt a = in("a", 8);
  public final UInt b = in("b", 8);
  public final SInt term;
  public final Bool nan = out("nan");
  public final Bool posInf = out("pos_inf");
  public final Bool negInf = out("neg_inf");

  private final LaneUnits units;

  public Fp8ExactProduct(Fp8Format f) {
    this(f, LaneUnits.BUILT);
  }

  public Fp8ExactProduct(Fp8Format f, LaneUnits units) {
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
    Bool sign = core.sign;
    UInt product = core.product;
    // product x 2^(ea + eb - 2): effective exponents start at 1
    UInt shift = core.exponentSum.sub(lit(2, f.exponentBits() + 1)).trunc(f.exponentBits() + 1);
    UInt magnitude = product.zext(window).shiftLeft(shift);
    SInt positive = magnitude.zext(window + 1).asSInt();
    term.assign(mux(sign, positive.neg().trunc(window + 1), positive));
    nan.assign(core.nan);
    posInf.assign(core.inf.and(sign.not()));
    negInf.assign(core.inf.and(sign));
  }

  @Override
  public String kindName() {
    return units == LaneUnits.BUILT ? "fp8_exact_product" : "fp8_exact_product_ports";
  }
}

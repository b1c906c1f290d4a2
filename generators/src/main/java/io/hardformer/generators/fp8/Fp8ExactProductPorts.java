package io.hardformer.generators.fp8;

import io.hardformer.dsl.Bool;
import io.hardformer.dsl.HwType;
import io.hardformer.dsl.Module;
import io.hardformer.dsl.SInt;
import io.hardformer.dsl.UInt;
import io.hardformer.generators.numerics.Fp8Arithmetic;
import io.hardformer.generators.numerics.Fp8Format;

/**
 * The ports of {@link Fp8ExactProduct} (same names and widths) without its logic: outputs tied to
 * zero, so its IR estimate is zero NAND2 equivalents and zero registers. An {@link ExactDotTree}
 * built with {@link io.hardformer.generators.catalog.LaneUnits#PORTS_ONLY} has exactly the tree
 * logic of the real one, for an area bill that adds N priced copies of {@link Fp8ExactProduct}.
 */
public final class Fp8ExactProductPorts extends Module {
  public final UInt a = in("a", 8);
  public final UInt b = in("b", 8);
  public final SInt term;
  public final Bool nan = out("nan");
  public final Bool posInf = out("pos_inf");
  public final Bool negInf = out("neg_inf");

  public Fp8ExactProductPorts(Fp8Format f) {
    param("format", f.cliName());
    int window = Fp8Arithmetic.productWindowBits(f);
    term = out("term", HwType.sint(window + 1));
    term.assign(slit(0, window + 1));
    nan.assign(bool(false));
    posInf.assign(bool(false));
    negInf.assign(bool(false));
  }

  @Override
  public String kindName() {
    return "fp8_exact_product_ports";
  }
}

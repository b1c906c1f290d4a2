package io.hardformer.generators.activation;

import io.hardformer.dsl.Bool;
import io.hardformer.dsl.Module;
import io.hardformer.dsl.UInt;
import io.hardformer.generators.numerics.Fp8Format;

/**
 * One lane of the {@code gelu} unit: y = x Phi(x) by {@link GatedProductCore}, packed to FP32 and
 * registered, then q by {@link Fp8OutputStage}; y and q leave {@link GeluShape#latency()} cycles
 * after x. {@code valid} is the beat's valid delayed to the packed y (it only feeds fp8-quant).
 */
public final class GeluLane extends Module {
  public final UInt x = in("x", 32);
  public final Bool valid = in("valid");
  public final UInt y = out("y", 32);
  public final UInt q = out("q", 8);

  public GeluLane(Fp8Format format) {
    param("format", format.cliName());
    GatedProductCore core = instance("core", new GatedProductCore(GatingFunction.GAUSSIAN_CDF));
    core.x.assign(x);
    Fp32Pack pack = instance("pack", new Fp32Pack());
    pack.negative.assign(core.negative);
    pack.significand.assign(core.significand);
    pack.exponent.assign(core.exponent);
    pack.zero.assign(core.zero);
    pack.inf.assign(core.inf);
    pack.nan.assign(core.nan);
    Fp8OutputStage output = instance("quantizer", new Fp8OutputStage(format));
    output.valid.assign(valid);
    output.y.assign(regNext("y_r", pack.out));
    y.assign(output.yOut);
    q.assign(output.q);
  }

  @Override
  public String kindName() {
    return "gelu_lane";
  }
}

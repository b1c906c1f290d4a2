package io.hardformer.generators.activation;

import io.hardformer.dsl.Bool;
import io.hardformer.dsl.Module;
import io.hardformer.dsl.UInt;
import io.hardformer.generators.numerics.Fp8Format;

/**
 * One lane of the {@code swiglu} unit: SiLU(gate) by {@link GatedProductCore} (sigmoid table), with
 * up delayed beside it and decoded in its last stage, times up by {@link ExtendedFloatMultiplier},
 * packed to FP32 and registered, then q by {@link Fp8OutputStage}; y and q leave {@link
 * SwigluShape#latency()} cycles after the pair. {@code valid} is the beat's valid delayed to the
 * packed y (it only feeds fp8-quant).
 */
public final class SwigluLane extends Module {
  public final UInt gate = in("gate", 32);
  public final UInt up = in("up", 32);
  public final Bool valid = in("valid");
  public final UInt y = out("y", 32);
  public final UInt q = out("q", 8);

  public SwigluLane(Fp8Format format) {
    param("format", format.cliName());
    GatedProductCore silu = instance("silu", new GatedProductCore(GatingFunction.SIGMOID));
    silu.x.assign(gate);
    Fp32Unpack upUnpack = instance("up_unpack", new Fp32Unpack());
    upUnpack.in.assign(delay("up_d", up, GatedProductCore.LATENCY - 1));
    ExtendedFloatMultiplier mul = instance("mul", new ExtendedFloatMultiplier());
    mul.aNegative.assign(silu.negative);
    mul.aSignificand.assign(silu.significand);
    mul.aExponent.assign(silu.exponent);
    mul.aZero.assign(silu.zero);
    mul.aInf.assign(silu.inf);
    mul.aNan.assign(silu.nan);
    mul.bNegative.assign(regNext("up_neg", upUnpack.negative));
    mul.bSignificand.assign(regNext("up_sig", upUnpack.significand));
    mul.bExponent.assign(regNext("up_exp", upUnpack.exponent));
    mul.bZero.assign(regNext("up_zero", upUnpack.zero));
    mul.bInf.assign(regNext("up_inf", upUnpack.inf));
    mul.bNan.assign(regNext("up_nan", upUnpack.nan));
    Fp32Pack pack = instance("pack", new Fp32Pack());
    pack.negative.assign(mul.negative);
    pack.significand.assign(mul.significand);
    pack.exponent.assign(mul.exponent);
    pack.zero.assign(mul.zero);
    pack.inf.assign(mul.inf);
    pack.nan.assign(mul.nan);
    Fp8OutputStage output = instance("quantizer", new Fp8OutputStage(format));
    output.valid.assign(valid);
    output.y.assign(regNext("y_r", pack.out));
    y.assign(output.yOut);
    q.assign(output.q);
  }

  @Override
  public String kindName() {
    return "swiglu_lane";
  }
}

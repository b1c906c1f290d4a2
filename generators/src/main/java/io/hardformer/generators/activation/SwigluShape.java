package io.hardformer.generators.activation;

import io.hardformer.generators.catalog.ParameterCheck;
import io.hardformer.generators.numerics.Fp8Format;

/**
 * The parameters of the {@code swiglu} unit: {@code lanes} FP32 (gate, up) pairs per beat
 * (1..{@value GeluShape#MAX_LANES}) and the FP8 format of its {@code q} output. The one check of
 * these ranges.
 */
public record SwigluShape(int lanes, Fp8Format format) {
  public SwigluShape {
    ParameterCheck.range("--lanes", lanes, 1, GeluShape.MAX_LANES);
  }

  /**
   * Cycles from an accepted beat to its output beat: SiLU core, multiplier, packing, the FP8
   * quantizer.
   */
  public int latency() {
    return GatedProductCore.LATENCY
        + ExtendedFloatMultiplier.LATENCY
        + 1
        + GeluShape.FP8_QUANT_STAGES;
  }
}

package io.hardformer.generators.activation;

import io.hardformer.generators.catalog.ParameterCheck;
import io.hardformer.generators.numerics.Fp8Format;

/**
 * The parameters of the {@code gelu} unit: {@code lanes} FP32 elements per beat (1..{@value
 * #MAX_LANES}) and the FP8 format of its {@code q} output. The one check of these ranges.
 */
public record GeluShape(int lanes, Fp8Format format) {
  public static final int MAX_LANES = 8;

  public GeluShape {
    ParameterCheck.range("--lanes", lanes, 1, MAX_LANES);
  }

  /** Cycles from an accepted beat to its output beat: the core, packing, the FP8 quantizer. */
  public int latency() {
    return GatedProductCore.LATENCY + 1 + FP8_QUANT_STAGES;
  }

  /** Stages of the fp8-quant submodule that forms q from y. */
  public static final int FP8_QUANT_STAGES = 2;
}

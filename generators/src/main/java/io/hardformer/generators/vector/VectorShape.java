package io.hardformer.generators.vector;

import io.hardformer.generators.catalog.ParameterCheck;
import io.hardformer.generators.numerics.Fp8Format;

/**
 * The parameters of the vector unit: {@code lanes} FP32 elements per beat (1..64) and the FP8
 * format of its quantized output {@code q}. The ranges are checked here once; the {@code vector}
 * options reach this check through {@link VectorGenerator.Parameters}.
 */
public record VectorShape(int lanes, Fp8Format format) {
  public static final int MAX_LANES = 64;

  public VectorShape {
    ParameterCheck.range("--lanes", lanes, 1, MAX_LANES);
    if (format == null) {
      throw new IllegalArgumentException("format is required");
    }
  }
}

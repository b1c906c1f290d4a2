package io.hardformer.generators.array;

import io.hardformer.dsl.Bundle;
import io.hardformer.dsl.BundleType;
import io.hardformer.dsl.Fields;
import io.hardformer.dsl.UInt;

/**
 * One beat of the FMA array's input stream: column k of X ({@code x}, row i in bits [8i+7:8i]) and
 * row k of W ({@code w}, column j in bits [8j+7:8j]).
 */
public final class MatmulBeat extends Bundle<MatmulBeat> {
  public final UInt x;
  public final UInt w;

  private MatmulBeat(Fields f, int rows, int cols) {
    super(f);
    x = f.uint("x", 8 * rows);
    w = f.uint("w", 8 * cols);
  }

  public static BundleType<MatmulBeat> type(int rows, int cols) {
    return BundleType.of(f -> new MatmulBeat(f, rows, cols));
  }
}

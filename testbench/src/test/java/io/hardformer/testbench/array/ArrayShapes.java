package io.hardformer.testbench.array;

import io.hardformer.generators.array.FmaArrayGenerator;
import io.hardformer.generators.array.FmaArrayShape;

/** {@code fma-array} shapes as the command line builds them, for the array tests. */
final class ArrayShapes {
  private ArrayShapes() {}

  /** FP32 out, largest K 65,536, 13 accumulator bits and promotion every 8 for fixed. */
  static FmaArrayShape shape(
      int rows, int cols, String format, String acc, int lanes, String pipeline, String ports) {
    return new FmaArrayGenerator.Parameters(
            rows,
            cols,
            format,
            acc,
            "fp32",
            65536,
            lanes,
            13,
            acc.equals("fixed") ? 8 : 0,
            pipeline,
            ports)
        .shape();
  }
}

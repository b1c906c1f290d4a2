package io.hardformer.models.rtl;

import io.hardformer.generators.array.FmaArray;
import io.hardformer.generators.array.FmaArrayShape;
import io.hardformer.testbench.Lanes;
import io.hardformer.testbench.Stream;
import io.hardformer.testbench.StreamRun;
import io.hardformer.testbench.Testbench;
import java.math.BigInteger;

/**
 * Runs one tiled matmul on an open {@code fma-array} testbench, every tile of the {@link
 * MatmulTiling} schedule in one stream run, back to back. The array's output format must be FP32.
 */
final class ArrayMatmul {
  private final Testbench tb;
  private final FmaArray dut;
  private final FmaArrayShape shape;

  ArrayMatmul(Testbench tb, FmaArray dut, FmaArrayShape shape) {
    this.tb = tb;
    this.dut = dut;
    this.shape = shape;
  }

  /** Y = X . W: {@code x[t][k]}, {@code w[k][n]} FP8 codes; returns FP32 bits and cycle stamps. */
  TimedResult multiply(int[][] x, int[][] w) {
    MatmulTiling tiling =
        new MatmulTiling(shape.rows(), shape.cols(), x.length, w.length, w[0].length);
    Stream s = tb.stream(dut.in, dut.out);
    int[] xcol = new int[shape.rows()];
    int[] wrow = new int[shape.cols()];
    for (int b = 0; b < tiling.rowBlocks(); b++) {
      for (int c = 0; c < tiling.colBlocks(); c++) {
        for (int k = 0; k < tiling.depth(); k++) {
          for (int i = 0; i < xcol.length; i++) {
            int t = b * shape.rows() + i;
            xcol[i] = t < tiling.tokens() ? x[t][k] : 0;
          }
          for (int j = 0; j < wrow.length; j++) {
            int n = c * shape.cols() + j;
            wrow[j] = n < tiling.outputs() ? w[k][n] : 0;
          }
          BigInteger last = k == tiling.depth() - 1 ? BigInteger.ONE : BigInteger.ZERO;
          s.send(Lanes.pack8(xcol), Lanes.pack8(wrow), last);
        }
      }
    }
    StreamRun run = s.expectOutputs(tiling.tiles() * shape.rows()).run();
    return new TimedResult(
        collect(run, tiling),
        run.acceptCycle(0),
        run.outputCycle(tiling.tiles() * shape.rows() - 1));
  }

  /** Output rows arrive tile by tile, rows 0..R-1 of each; padding is dropped. */
  private int[][] collect(StreamRun run, MatmulTiling tiling) {
    int[][] y = new int[tiling.tokens()][tiling.outputs()];
    int width = shape.outFormat().width();
    int index = 0;
    for (int b = 0; b < tiling.rowBlocks(); b++) {
      for (int c = 0; c < tiling.colBlocks(); c++) {
        for (int i = 0; i < shape.rows(); i++, index++) {
          int t = b * shape.rows() + i;
          if (t >= tiling.tokens()) {
            continue;
          }
          BigInteger row = run.output(index)[0];
          for (int j = 0; j < shape.cols(); j++) {
            int n = c * shape.cols() + j;
            if (n < tiling.outputs()) {
              y[t][n] = (int) Lanes.element(row, j, width);
            }
          }
        }
      }
    }
    return y;
  }
}

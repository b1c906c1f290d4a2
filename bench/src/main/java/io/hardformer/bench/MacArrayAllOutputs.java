package io.hardformer.bench;

import io.hardformer.dsl.Bool;
import io.hardformer.dsl.HwType;
import io.hardformer.dsl.Module;
import io.hardformer.dsl.SInt;
import io.hardformer.dsl.Vec;

/**
 * The peers' elaboration benchmark design, written as a library user would write it: an R x C
 * output-stationary systolic array of int8 multiply-accumulate cells in which every 32-bit
 * accumulator is an output of the top ({@code acc_<r*C+c>}). Activations flow right, weights flow
 * down, each cell adds {@code a * w} to its accumulator every cycle; {@code clear} loads the
 * product instead.
 */
final class MacArrayAllOutputs extends Module {
  final Bool clear = in("clear");
  final Vec<SInt> a;
  final Vec<SInt> w;
  final Vec<SInt> acc;

  MacArrayAllOutputs(int rows, int cols) {
    param("rows", rows);
    param("cols", cols);
    a = inVec("a", rows, HwType.sint(8));
    w = inVec("w", cols, HwType.sint(8));
    acc = outVec("acc", rows * cols, HwType.sint(32));
    Mac[][] pe = new Mac[rows][cols];
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        Mac cell = instance("pe_" + r + "_" + c, new Mac());
        pe[r][c] = cell;
        cell.clear.assign(clear);
        cell.aIn.assign(c == 0 ? a.get(r) : pe[r][c - 1].aOut);
        cell.wIn.assign(r == 0 ? w.get(c) : pe[r - 1][c].wOut);
        acc.get(r * cols + c).assign(cell.acc);
      }
    }
  }

  /** One cell: registered activation and weight pass-through, a 32-bit accumulator. */
  static final class Mac extends Module {
    final Bool clear = in("clear");
    final SInt aIn = in("a_in", HwType.sint(8));
    final SInt wIn = in("w_in", HwType.sint(8));
    final SInt aOut = out("a_out", HwType.sint(8));
    final SInt wOut = out("w_out", HwType.sint(8));
    final SInt acc = out("acc", HwType.sint(32));

    Mac() {
      SInt aReg = reg("a_r", HwType.sint(8), 0);
      SInt wReg = reg("w_r", HwType.sint(8), 0);
      SInt sum = reg("sum", HwType.sint(32), 0);
      aReg.next(aIn);
      wReg.next(wIn);
      SInt product = aIn.mul(wIn).sext(32);
      sum.next(mux(clear, product, sum.add(product).trunc(32)));
      aOut.assign(aReg);
      wOut.assign(wReg);
      acc.assign(sum);
    }

    @Override
    public String kindName() {
      return "mac";
    }
  }
}

package io.hardformer.generators.examples;

import io.hardformer.dsl.Bool;
import io.hardformer.dsl.HwType;
import io.hardformer.dsl.Module;
import io.hardformer.dsl.SInt;
import io.hardformer.dsl.Vec;

/**
 * An output-stationary R x C systolic array of int8 multiply-accumulate cells (32-bit
 * accumulators): activations flow right, weights flow down, each cell accumulates {@code a * w};
 * with {@code drain} high the accumulators shift down their column and leave through {@code y_c}.
 * The reference design of the elaboration benchmark (the peers take 18-19 s at 64 x 64).
 */
public final class SystolicArray extends Module {
  final Bool clear = in("clear");
  final Bool drain = in("drain");
  final Vec<SInt> a;
  final Vec<SInt> w;
  final Vec<SInt> y;

  public SystolicArray(int rows, int cols) {
    param("rows", rows);
    param("cols", cols);
    a = inVec("a", rows, HwType.sint(8));
    w = inVec("w", cols, HwType.sint(8));
    y = outVec("y", cols, HwType.sint(32));
    MacCell[][] cells = new MacCell[rows][cols];
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        MacCell cell = instance("pe_" + r + "_" + c, new MacCell());
        cells[r][c] = cell;
        cell.clear.assign(clear);
        cell.drain.assign(drain);
        cell.aIn.assign(c == 0 ? a.get(r) : cells[r][c - 1].aOut);
        cell.wIn.assign(r == 0 ? w.get(c) : cells[r - 1][c].wOut);
        cell.accIn.assign(r == 0 ? slit(0, 32) : cells[r - 1][c].accOut);
      }
    }
    for (int c = 0; c < cols; c++) {
      y.get(c).assign(cells[rows - 1][c].accOut);
    }
  }

  /** One processing element: registered activation and weight pass-through, 32-bit accumulator. */
  public static final class MacCell extends Module {
    final Bool clear = in("clear");
    final Bool drain = in("drain");
    final SInt aIn = in("a_in", HwType.sint(8));
    final SInt wIn = in("w_in", HwType.sint(8));
    final SInt accIn = in("acc_in", HwType.sint(32));
    final SInt aOut = out("a_out", HwType.sint(8));
    final SInt wOut = out("w_out", HwType.sint(8));
    final SInt accOut = out("acc_out", HwType.sint(32));

    MacCell() {
      SInt aReg = reg("a_r", HwType.sint(8), 0);
      SInt wReg = reg("w_r", HwType.sint(8), 0);
      SInt acc = reg("acc", HwType.sint(32), 0);
      aReg.next(aIn);
      wReg.next(wIn);
      SInt product = aIn.mul(wIn).sext(32);
      acc.next(mux(drain, accIn, mux(clear, product, acc.add(product).trunc(32))));
      aOut.assign(aReg);
      wOut.assign(wReg);
      accOut.assign(acc);
    }

    @Override
    public String kindName() {
      return "mac_cell";
    }
  }
}

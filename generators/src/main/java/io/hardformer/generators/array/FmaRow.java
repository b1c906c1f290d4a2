package io.hardformer.generators.array;

import io.hardformer.dsl.Bool;
import io.hardformer.dsl.Definition;
import io.hardformer.dsl.Instance;
import io.hardformer.dsl.Module;
import io.hardformer.dsl.UInt;
import java.util.Arrays;
import java.util.function.Supplier;

/**
 * One row of an {@link FmaArray}: C cells of the shape's kind, X and the valid and last markers
 * moving right from cell to cell, W entering and leaving every cell from above and below. The array
 * instantiates one row definition R times, so the row is one Verilog module that a hierarchical
 * Verilator build compiles once (docs/BENCHMARKS.md, "Hierarchical builds").
 *
 * <p>Ports: {@code x_in}, {@code valid_in}, {@code last_in} feed cell 0; {@code w_in} and {@code
 * w_out} carry column j's code in bits [Lj+L-1:Lj] (L = 8 x lanes); {@code hold} carries cell j's
 * hold register in bits [Hj+H-1:Hj]; {@code valid_out} and {@code last_out} are the last cell's
 * markers. The row adds no register: its timing is its cells'.
 */
final class FmaRow extends Module {
  final UInt xIn;
  final Bool validIn;
  final Bool lastIn;
  final UInt wIn;
  final UInt wOut;
  final Bool validOut;
  final Bool lastOut;
  final UInt hold;

  FmaRow(FmaArrayShape shape) {
    int cols = shape.cols();
    params(shape);
    CellKind kind = CellKind.of(shape);
    int lane = 8 * shape.lanes();
    int holdBits = kind.holdBits();
    xIn = in("x_in", lane);
    validIn = in("valid_in");
    lastIn = in("last_in");
    wIn = in("w_in", lane * cols);
    wOut = out("w_out", lane * cols);
    validOut = out("valid_out");
    lastOut = out("last_out");
    hold = out("hold", holdBits * cols);
    CellKind.Ports[] cells = new CellKind.Ports[cols];
    UInt[] wOuts = new UInt[cols];
    UInt[] holds = new UInt[cols];
    for (int j = 0; j < cols; j++) {
      CellKind.Ports cell = kind.instantiate(this, "cell_" + j);
      cells[j] = cell;
      cell.xIn().assign(j == 0 ? held(shape, "x_r", xIn) : cells[j - 1].xOut());
      cell.validIn().assign(j == 0 ? held(shape, "valid_r", validIn) : cells[j - 1].validOut());
      cell.lastIn().assign(j == 0 ? held(shape, "last_r", lastIn) : cells[j - 1].lastOut());
      cell.wIn().assign(wIn.bits(lane * j + lane - 1, lane * j));
      wOuts[cols - 1 - j] = cell.wOut();
      holds[cols - 1 - j] = cell.hold();
    }
    wOut.assign(concat(wOuts));
    hold.assign(concat(holds));
    validOut.assign(cells[cols - 1].validOut());
    lastOut.assign(cells[cols - 1].lastOut());
  }

  /** The parts, most significant first, as one value. */
  private static UInt concat(UInt[] msbFirst) {
    return msbFirst.length == 1
        ? msbFirst[0]
        : msbFirst[0].cat(Arrays.copyOfRange(msbFirst, 1, msbFirst.length));
  }

  /** Lets {@link CellKind} define its cell once. */
  static <M extends Module> Definition<M> define(Supplier<M> constructor) {
    return definition(constructor);
  }

  /** Lets {@link CellKind} instantiate a cell definition in this row. */
  <M extends Module> Instance<M> cell(String name, Definition<M> definition) {
    return instance(name, definition);
  }

  /**
   * Cell 0's x, valid or last: the port itself, or with {@code --row-ports registered} ({@link
   * RowPorts}) the port registered in the row (the array's last skew stage for this row, moved in).
   * The cells then take {@code w_in} one cycle early and multiply their own {@code w_r}, so nothing
   * combinational runs from the row's input ports: a hierarchical Verilator build evaluates the
   * row's products once a cycle instead of on every change of its ports.
   */
  private UInt held(FmaArrayShape shape, String name, UInt port) {
    return shape.rowsOwnInputRegisters() ? regNext(name, port) : port;
  }

  private Bool held(FmaArrayShape shape, String name, Bool port) {
    return shape.rowsOwnInputRegisters() ? regNext(name, port, false) : port;
  }

  /**
   * {@code cols}, and {@code row_ports} with {@code --row-ports registered}: a method of its own so
   * that the constructor's lines, which the emitted Verilog cites, stay put.
   */
  private void params(FmaArrayShape shape) {
    param("cols", shape.cols());
    if (shape.rowsOwnInputRegisters()) {
      param("row_ports", shape.rowPorts().cliName());
    }
  }

  @Override
  public String kindName() {
    return "fma_row";
  }
}

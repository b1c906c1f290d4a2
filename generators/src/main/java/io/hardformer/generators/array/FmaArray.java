package io.hardformer.generators.array;

import io.hardformer.dsl.Bool;
import io.hardformer.dsl.Definition;
import io.hardformer.dsl.Instance;
import io.hardformer.dsl.Module;
import io.hardformer.dsl.Stream;
import io.hardformer.dsl.StreamPorts;
import io.hardformer.dsl.UInt;
import io.hardformer.dsl.Valid;
import io.hardformer.generators.floating.OutputRow;
import io.hardformer.generators.numerics.Fp8Format;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An R x C output-stationary grid of FP8 multiply-accumulate cells computing Y[R x C] = X[R x K] .
 * W[K x C] for any K chosen at run time. Weights stream through once: each beat carries one row of
 * W (C codes) and one column of X (R codes); there is no weight buffer, only the skew and
 * pass-through registers.
 *
 * <p>Protocol (valid/ready in, valid-only out): beat k carries {@code w[8C-1:0]} = W[k][0..C-1]
 * (column j in bits [8j+7:8j]) and {@code x[8R-1:0]} = X[0..R-1][k] (row i in bits [8i+7:8i]);
 * {@code in_last} marks k = K-1. Beats of the next matmul may follow in the next cycle. {@code
 * in_ready} is low only on a last beat that comes fewer than max(R, C) cycles after the previous
 * last beat (a matmul with K below max(R, C)): the hold registers and the output port need that
 * long. Results leave one row of Y per cycle, rows 0..R-1 in order, on {@code out[C*W-1:0]} (column
 * j in bits [W(j+1)-1:Wj]) with {@code out_valid}, and {@code out_last} on row R-1; the consumer
 * must take every row.
 *
 * <p>Dataflow: row i of X enters i cycles late and moves right; column j of W enters j cycles late
 * and moves down, so cell (i, j) meets X[i][k] and W[k][j] in cycle k + i + j + 1. Each cell keeps
 * a running sum and a hold register: on the last beat its result moves to hold and the next matmul
 * starts at once (double buffering). Rows finish one per cycle, and a column readout multiplexer
 * drains row i as soon as its last cell is done, while the array already works on the next matmul.
 *
 * <p>The array is R instances {@code row_i} of one {@link FmaRow} definition (C cells {@code
 * cell_j} of one cell definition), and C column readouts of another: the cell and the row are
 * constructed, located and checked once, not R x C times, and the row is one Verilog module that a
 * hierarchical Verilator build compiles once.
 */
public final class FmaArray extends Module {
  /** The beats: ports {@code in_valid}, {@code in_ready}, {@code in_last}, {@code x}, {@code w}. */
  public final Stream<MatmulBeat> in;

  /** The result rows: ports {@code out_valid}, {@code out_last}, {@code out}. */
  public final Valid<OutputRow> out;

  /**
   * The default largest K of exact mode: 65,536 covers every Llama-3 matmul (405B's d_ff is
   * 53,248).
   */
  public static final int DEFAULT_MAX_K = 65536;

  public FmaArray(FmaArrayShape shape) {
    int rows = shape.rows();
    int cols = shape.cols();
    Fp8Format f = shape.format();
    param("rows", rows);
    param("cols", cols);
    param("format", f.cliName());
    param("acc", shape.mode().cliName());
    param("out_format", shape.outFormat().cliName());
    if (shape.mode() == AccumulationMode.EXACT) {
      param("max_k", shape.maxK());
    }
    int lanes = shape.lanes();
    if (lanes > 1) {
      param("lanes", lanes);
    }
    if (shape.mode() == AccumulationMode.FIXED) {
      param("acc_bits", shape.accBits());
      param("promote_every", shape.promoteEvery());
    }
    if (shape.carrySave()) {
      param("pipeline", shape.pipeline().cliName());
    }
    in =
        inStream(
            "in",
            MatmulBeat.type(rows * lanes, cols * lanes),
            StreamPorts.DEFAULT.withLast().bareFields());
    out =
        outValid(
            "out",
            OutputRow.type(cols * shape.outFormat().width()),
            StreamPorts.DEFAULT.withLast().bareFields());
    Bool inLast = in.last();
    UInt x = in.payload().x;
    UInt w = in.payload().w;
    int held = shape.rowsOwnInputRegisters() ? 1 : 0; // skew stages the rows hold (RowPorts)
    // flow control: a last beat waits until max(R, C) cycles have passed since the previous one
    int gap = shape.minimumSpacing();
    int gapBits = bitsFor(gap);
    UInt sinceLast = reg("since_last", gapBits, gap);
    Bool spaced = sinceLast.eq(lit(gap, gapBits));
    in.driveReady(inLast.not().or(spaced));
    Bool accept = in.fire();
    Bool acceptLast = accept.and(inLast);
    when(acceptLast, () -> sinceLast.next(lit(1, gapBits)))
        .elseWhen(spaced.not(), () -> sinceLast.next(sinceLast.inc()));

    // input stage and skew: row i delayed i cycles, column j delayed j cycles
    UInt xR = held > 0 ? registerAllButFirst("x_r", x, 8 * lanes, rows) : regNext("x_r", x);
    UInt wR = held > 0 ? registerAllButFirst("w_r", w, 8 * lanes, cols) : regNext("w_r", w);
    Bool validR = held > 0 && rows == 1 ? null : regNext("valid_r", accept, false);
    Bool lastR = held > 0 && rows == 1 ? null : regNext("last_r", acceptLast, false);
    int sumBits = shape.sumBits();
    int lane = 8 * lanes;
    Definition<FmaRow> rowDef = definition(() -> new FmaRow(shape));
    int holdBits = rowDef.module().hold.width() / cols;
    UInt[] wSkewed = new UInt[cols];
    for (int j = 0, k = -held; j < cols; j++, k++) {
      UInt wj = k < 0 ? w.bits(lane - 1, 0) : wR.bits(lane * k + lane - 1, lane * k);
      for (int d = 0; d < k; d++) {
        wj = regNext("w" + j + "_skew" + d, wj);
      }
      wSkewed[cols - 1 - j] = wj;
    }
    List<Instance<FmaRow>> rowList = new ArrayList<>();
    for (int i = 0, k = -held; i < rows; i++, k++) {
      UInt xi = k < 0 ? x.bits(lane - 1, 0) : xR.bits(lane * k + lane - 1, lane * k);
      Bool vi = k < 0 ? accept : validR;
      Bool li = k < 0 ? acceptLast : lastR;
      for (int d = 0; d < k; d++) {
        xi = regNext("x" + i + "_skew" + d, xi);
        vi = regNext("valid" + i + "_skew" + d, vi, false);
        li = regNext("last" + i + "_skew" + d, li, false);
      }
      Instance<FmaRow> row = instance("row_" + i, rowDef);
      row.port(r -> r.xIn).assign(xi);
      row.port(r -> r.validIn).assign(vi);
      row.port(r -> r.lastIn).assign(li);
      row.port(r -> r.wIn)
          .assign(
              i == 0
                  ? (cols == 1 ? wSkewed[0] : wSkewed[0].cat(Arrays.copyOfRange(wSkewed, 1, cols)))
                  : rowList.get(i - 1).port(r -> r.wOut));
      rowList.add(row);
    }
    // drain: row 0's last cell is done when its markers leave it (plus the stages a dot cell
    // adds); rows follow one per cycle
    Bool cornerDone = rowList.get(0).port(r -> r.validOut).and(rowList.get(0).port(r -> r.lastOut));
    if (shape.cellExtra() > 0) {
      cornerDone = delay("corner_done", cornerDone, shape.cellExtra(), false);
    }
    Bool startRead = regNext("start_read", cornerDone, false);
    int rowBits = ColumnReadout.rowBits(rows);
    UInt row = reg("read_row", rowBits, 0);
    Bool reading = reg("reading", false);
    Bool readNow = startRead.or(reading);
    Bool lastRow = row.eq(lit(rows - 1, rowBits));
    when(
        readNow,
        () -> {
          row.next(mux(lastRow, lit(0, rowBits), row.inc()));
          reading.next(lastRow.not());
        });
    UInt[] columns = new UInt[cols];
    Definition<ColumnReadout> readoutDef =
        definition(
            () ->
                shape.carrySave()
                    ? ColumnReadout.carrySave(
                        rows, sumBits, 2 * f.quantumExponent(), shape.outFormat())
                    : shape.holdKind() == AccumulationMode.FIXED
                        ? ColumnReadout.fixed(
                            rows,
                            sumBits,
                            shape.quantumBits(),
                            2 * f.quantumExponent(),
                            shape.outFormat())
                        : new ColumnReadout(
                            rows,
                            shape.holdBits(),
                            shape.holdKind(),
                            2 * f.quantumExponent(),
                            shape.outFormat()));
    int readoutLatency = readoutDef.module().latency;
    for (int j = 0; j < cols; j++) {
      Instance<ColumnReadout> readout = instance("readout_" + j, readoutDef);
      for (int i = 0; i < rows; i++) {
        int r = i;
        int lo = holdBits * j;
        readout
            .port(c -> c.holds.get(r))
            .assign(rowList.get(i).port(m -> m.hold).bits(lo + holdBits - 1, lo));
      }
      readout.port(c -> c.row).assign(row);
      columns[cols - 1 - j] = readout.port(c -> c.out);
    }
    out.payload()
        .out
        .assign(cols == 1 ? columns[0] : columns[0].cat(Arrays.copyOfRange(columns, 1, cols)));
    out.valid().assign(delay("out_valid_d", readNow, readoutLatency, false));
    out.last().assign(delay("out_last_d", readNow.and(lastRow), readoutLatency, false));
    // last beat accepted -> last_r (1) -> row 0's markers cross the C cells (C) -> start_read (1)
    // -> readout
    timing(1 + cols + shape.cellExtra() + 1 + readoutLatency, 1);
    if (held > 0) {
      param("row_ports", shape.rowPorts().cliName());
    }
  }

  /**
   * {@code --row-ports registered} ({@link RowPorts}): the input register of rows (columns) 1..n-1
   * only, lane groups 1..n-1 of {@code v} (null when n = 1). Row 0 (column 0) is fed straight from
   * the port, and every skew chain is one stage shorter: each row holds the last stage of its x,
   * valid and last, and row 0 the last stage of every column's weights, so the same registers give
   * the same cycle behaviour with nothing combinational from a row's ports to its logic.
   */
  private UInt registerAllButFirst(String name, UInt v, int lane, int n) {
    return n > 1 ? regNext(name, v.bits(lane * n - 1, lane)) : null;
  }

  @Override
  public String kindName() {
    return "fma_array";
  }
}

package io.hardformer.models.rtl;

import io.hardformer.dsl.Data;
import io.hardformer.dsl.Valid;
import io.hardformer.testbench.Lanes;
import io.hardformer.testbench.Stream;
import io.hardformer.testbench.StreamRun;
import io.hardformer.testbench.Testbench;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Streams the rows of a matrix through a row or elementwise unit in one stream run: each row of
 * {@code cols} elements is {@code ceil(cols / lanes)} beats of {@code lanes} lanes (lanes past the
 * row's end are zero), {@code in_first} / {@code in_last} (when the input has them) on a row's
 * first and last beat; the unit answers one output beat per input beat, in order, and {@code
 * out_last} (when the output has it) must mark each row's last beat. Outputs are collected per
 * output field as {@code [row][col]}, with the run's cycle stamps.
 *
 * <p>Call order: {@code new RowStream(tb, dut.in, dut.out, lanes)}, then for every payload field of
 * the input one of {@link #lanes} / {@link #perRow} / {@link #constant}, then {@link #collect} for
 * each output field wanted, then {@link #run}.
 */
public final class RowStream {
  private final Testbench tb;
  private final Valid<?> in;
  private final Valid<?> out;
  private final int lanes;
  private final Map<Data<?>, RowField> inputs = new IdentityHashMap<>();
  private final Map<Data<?>, Integer> outputs = new LinkedHashMap<>();
  private int rows = -1;
  private int cols = -1;

  /**
   * @param tb an open testbench of the unit
   * @param in the unit's input interface (valid/ready or valid-only)
   * @param out the unit's output interface (valid-only)
   * @param lanes elements per beat
   */
  public RowStream(Testbench tb, Valid<?> in, Valid<?> out, int lanes) {
    if (lanes < 1) {
      throw new IllegalArgumentException("lanes must be at least 1, got " + lanes);
    }
    this.tb = tb;
    this.in = in;
    this.out = out;
    this.lanes = lanes;
  }

  /** Drives input field {@code field} with the lanes of {@code matrix[row]}, {@code bits} each. */
  public RowStream lanes(Data<?> field, int bits, int[][] matrix) {
    int c = matrix.length == 0 ? 0 : matrix[0].length;
    for (int[] r : matrix) {
      if (r.length != c) {
        throw new IllegalArgumentException(
            "rows of the matrix for '" + field + "' differ in length: " + c + " and " + r.length);
      }
    }
    shape(field, matrix.length, c);
    return drive(field, new RowField.Lanes(bits, matrix));
  }

  /** Drives input field {@code field} with {@code values[row]} on every beat of the row. */
  public RowStream perRow(Data<?> field, long[] values) {
    shape(field, values.length, cols);
    return drive(field, new RowField.PerRow(values.clone()));
  }

  /** Drives input field {@code field} with {@code value} on every beat. */
  public RowStream constant(Data<?> field, long value) {
    return drive(field, new RowField.Constant(value));
  }

  /** Collects output field {@code field}, {@code bits} per lane, as {@code [row][col]}. */
  public RowStream collect(Data<?> field, int bits) {
    if (!out.payload().leaves().contains(field)) {
      throw new IllegalArgumentException(field + " is not a payload field of '" + out.name() + "'");
    }
    outputs.put(field, bits);
    return this;
  }

  /** Runs every row through the unit; the result holds each collected field and the cycles. */
  public Result run() {
    List<RowField> order = new ArrayList<>();
    for (Data<?> leaf : in.payload().leaves()) {
      RowField f = inputs.get(leaf);
      if (f == null) {
        throw new IllegalStateException(
            "input field "
                + leaf
                + " of '"
                + in.name()
                + "' is not driven; give lanes, perRow or constant");
      }
      order.add(f);
    }
    if (cols < 0 || rows < 1) {
      throw new IllegalStateException("no lanes(...) field gives the rows; add one before run()");
    }
    int beatsPerRow = Math.max(1, (cols + lanes - 1) / lanes);
    Stream s = tb.stream(in, out);
    for (int r = 0; r < rows; r++) {
      for (int b = 0; b < beatsPerRow; b++) {
        List<BigInteger> beat = new ArrayList<>();
        for (RowField f : order) {
          beat.add(f.value(r, b, lanes));
        }
        if (in.hasFirst()) {
          beat.add(b == 0 ? BigInteger.ONE : BigInteger.ZERO);
        }
        if (in.hasLast()) {
          beat.add(b == beatsPerRow - 1 ? BigInteger.ONE : BigInteger.ZERO);
        }
        s.send(beat.toArray(new BigInteger[0]));
      }
    }
    int beats = rows * beatsPerRow;
    StreamRun run = s.expectOutputs(beats).run();
    return new Result(collectAll(run, beatsPerRow), run, beats);
  }

  private Map<Data<?>, int[][]> collectAll(StreamRun run, int beatsPerRow) {
    List<Data<?>> leaves = out.payload().leaves();
    int lastIndex = out.hasLast() ? leaves.size() + (out.hasFirst() ? 1 : 0) : -1;
    Map<Data<?>, int[][]> values = new IdentityHashMap<>();
    for (Data<?> field : outputs.keySet()) {
      values.put(field, new int[rows][cols]);
    }
    for (int r = 0; r < rows; r++) {
      for (int b = 0; b < beatsPerRow; b++) {
        int index = r * beatsPerRow + b;
        BigInteger[] got = run.output(index);
        if (lastIndex >= 0 && got[lastIndex].testBit(0) != (b == beatsPerRow - 1)) {
          throw new IllegalStateException(
              String.format(
                  "'%s_last' is %s on beat %d of row %d (%d beats a row) in cycle %d",
                  out.name(), got[lastIndex], b, r, beatsPerRow, run.outputCycle(index)));
        }
        for (Map.Entry<Data<?>, Integer> e : outputs.entrySet()) {
          int bits = e.getValue();
          BigInteger word = got[indexOf(leaves, e.getKey())];
          int[] row = values.get(e.getKey())[r];
          for (int l = 0; l < lanes && b * lanes + l < cols; l++) {
            row[b * lanes + l] = (int) Lanes.element(word, l, bits);
          }
        }
      }
    }
    return values;
  }

  private static int indexOf(List<Data<?>> leaves, Data<?> field) {
    for (int i = 0; i < leaves.size(); i++) {
      if (leaves.get(i) == field) {
        return i;
      }
    }
    throw new IllegalArgumentException(field + " is not an output field");
  }

  private void shape(Data<?> field, int r, int c) {
    if (rows >= 0 && r != rows || cols >= 0 && c >= 0 && c != cols) {
      throw new IllegalArgumentException(
          String.format(
              "'%s' has %d rows of %d, the other fields %d rows of %d", field, r, c, rows, cols));
    }
    rows = r;
    cols = Math.max(cols, c);
  }

  private RowStream drive(Data<?> field, RowField f) {
    if (!in.payload().leaves().contains(field)) {
      throw new IllegalArgumentException(field + " is not a payload field of '" + in.name() + "'");
    }
    inputs.put(field, f);
    return this;
  }

  /** The outputs of one {@link RowStream#run}, with its cycle stamps. */
  public static final class Result {
    private final Map<Data<?>, int[][]> values;
    private final StreamRun run;
    private final int beats;

    Result(Map<Data<?>, int[][]> values, StreamRun run, int beats) {
      this.values = values;
      this.run = run;
      this.beats = beats;
    }

    /** Output field {@code field} as {@code [row][col]}. */
    public int[][] get(Data<?> field) {
      int[][] v = values.get(field);
      if (v == null) {
        throw new IllegalArgumentException(field + " was not collected");
      }
      return v;
    }

    /** Input and output beats of the run (one output beat per input beat). */
    public int beats() {
      return beats;
    }

    /** The cycle output beat {@code k} left the unit. */
    public long outputCycle(int k) {
      return run.outputCycle(k);
    }

    /** The cycle input beat {@code k} was accepted. */
    public long acceptCycle(int k) {
      return run.acceptCycle(k);
    }

    /** Cycles from the first accepted beat to the last output beat, both inclusive. */
    public long cycles() {
      return run.outputCycle(beats - 1) - run.acceptCycle(0) + 1;
    }
  }
}

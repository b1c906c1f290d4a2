package io.hardformer.generators.array;

import io.hardformer.generators.catalog.BadParameterException;
import io.hardformer.generators.catalog.ParameterCheck;
import io.hardformer.generators.floating.StagedFixedToFloat;
import io.hardformer.generators.fp8.ExactDotTree;
import io.hardformer.generators.fp8.FloatPacker;
import io.hardformer.generators.numerics.Fp8Arithmetic;
import io.hardformer.generators.numerics.Fp8Format;

/**
 * The parameters of an FMA array and everything derived from them without building it: accumulator
 * width, the cycle contract and the FMA count.
 *
 * <p>Cycle contract (first beat accepted in cycle 0, beats back to back): the last result row
 * leaves in cycle {@code K + R + C + readoutLatency}, so one matmul takes {@code K + R + C +
 * readoutLatency + 1} cycles; the fill/drain overhead is {@code R + C + readoutLatency + 1}. Back
 * to back, a matmul occupies the input for {@code max(K, max(R, C))} cycles.
 *
 * <p>With {@code lanes} L &gt; 1 or {@code fixed} accumulation ({@link FmaDotCell}) a matmul takes
 * {@code ceil(K/L)} beats and the cell is {@link #cellExtra} stages deeper: one matmul takes {@code
 * ceil(K/L) + R + C + cellExtra + readoutLatency + 1} cycles (docs/PROTOCOLS.md, "Dot-product
 * cells"). {@code accBits} (B) and {@code promoteEvery} (N) matter in {@code fixed} mode only.
 */
public record FmaArrayShape(
    int rows,
    int cols,
    Fp8Format format,
    AccumulationMode mode,
    FloatPacker outFormat,
    int maxK,
    int lanes,
    int accBits,
    int promoteEvery,
    CellPipeline pipeline,
    RowPorts rowPorts) {

  public static final int MAX_DIMENSION = 1024;

  /** The largest {@code --max-k}: 2^24. */
  public static final int MAX_MAX_K = 1 << 24;

  public FmaArrayShape {
    // the one check of these ranges: the fma-array options reach it through
    // FmaArrayGenerator.Parameters
    ParameterCheck.range("--rows", rows, 1, MAX_DIMENSION);
    ParameterCheck.range("--cols", cols, 1, MAX_DIMENSION);
    ParameterCheck.range("--max-k", maxK, 1, MAX_MAX_K);
    if (lanes != 1 && lanes != 2 && lanes != 4 && lanes != 8 && lanes != 16) {
      throw new BadParameterException(
          "--lanes", "option '--lanes' must be 1, 2, 4, 8 or 16, got " + lanes);
    }
    if (mode == AccumulationMode.FIXED) {
      ParameterCheck.range("--acc-bits", accBits, 1, MAX_ACC_BITS);
      ParameterCheck.range("--promote-every", promoteEvery, 0, MAX_MAX_K);
      if (promoteEvery % lanes != 0) {
        throw new BadParameterException(
            "--promote-every",
            "option '--promote-every' "
                + promoteEvery
                + " is not a multiple of --lanes "
                + lanes
                + "; promotion happens between beats, so give a multiple of "
                + lanes);
      }
    } else {
      accBits = 0; // only fixed mode has these: two shapes that build the same design are equal
      promoteEvery = 0;
    }
    if (pipeline == CellPipeline.DEEP && mode != AccumulationMode.EXACT) {
      throw new BadParameterException(
          "--pipeline",
          "--pipeline deep is built for --acc exact only (got --acc "
              + mode.cliName()
              + "); use --acc exact, or --pipeline default (docs/PROTOCOLS.md, "
              + "\"FMA array, deep pipeline\")");
    }
  }

  /** Rows wired as today ({@code --row-ports wired}). */
  public FmaArrayShape(
      int rows,
      int cols,
      Fp8Format format,
      AccumulationMode mode,
      FloatPacker outFormat,
      int maxK,
      int lanes,
      int accBits,
      int promoteEvery,
      CellPipeline pipeline) {
    this(
        rows,
        cols,
        format,
        mode,
        outFormat,
        maxK,
        lanes,
        accBits,
        promoteEvery,
        pipeline,
        RowPorts.WIRED);
  }

  /** Today's cells ({@code --pipeline default}). */
  public FmaArrayShape(
      int rows,
      int cols,
      Fp8Format format,
      AccumulationMode mode,
      FloatPacker outFormat,
      int maxK,
      int lanes,
      int accBits,
      int promoteEvery) {
    this(
        rows,
        cols,
        format,
        mode,
        outFormat,
        maxK,
        lanes,
        accBits,
        promoteEvery,
        CellPipeline.DEFAULT);
  }

  /** This shape with the given cell pipeline. */
  public FmaArrayShape withPipeline(CellPipeline p) {
    return new FmaArrayShape(
        rows, cols, format, mode, outFormat, maxK, lanes, accBits, promoteEvery, p, rowPorts);
  }

  /** This shape with the given {@code --row-ports}. */
  public FmaArrayShape withRowPorts(RowPorts p) {
    return new FmaArrayShape(
        rows, cols, format, mode, outFormat, maxK, lanes, accBits, promoteEvery, pipeline, p);
  }

  /**
   * True when the rows own the registers that feed their logic ({@link RowPorts#REGISTERED}) and
   * the cells do not already multiply their own registers ({@link #productsFromPassThrough}): the
   * design differs from {@code --row-ports wired}.
   */
  public boolean rowsOwnInputRegisters() {
    return rowPorts == RowPorts.REGISTERED && !productsFromPassThrough();
  }

  /** True for {@code --pipeline deep}: carry-save cells ({@link FmaCarrySaveCell}). */
  public boolean carrySave() {
    return pipeline == CellPipeline.DEEP;
  }

  /** The largest {@code --acc-bits}: 30 (the running sum is B + 2 bits). */
  public static final int MAX_ACC_BITS = 30;

  /**
   * One product per cell and cycle (today's array for exact and fp32; fixed: B = 13, no promotion).
   */
  public FmaArrayShape(
      int rows,
      int cols,
      Fp8Format format,
      AccumulationMode mode,
      FloatPacker outFormat,
      int maxK) {
    this(rows, cols, format, mode, outFormat, maxK, 1, mode == AccumulationMode.FIXED ? 13 : 0, 0);
  }

  public static FmaArrayShape of(
      int rows, int cols, Fp8Format format, AccumulationMode mode, FloatPacker out) {
    return new FmaArrayShape(rows, cols, format, mode, out, FmaArray.DEFAULT_MAX_K);
  }

  /** This shape with L products per cell and beat. */
  public FmaArrayShape withLanes(int l) {
    return new FmaArrayShape(rows, cols, format, mode, outFormat, maxK, l, accBits, promoteEvery);
  }

  /** This shape in {@code fixed} mode: B fraction bits, promoted every N products (0: never). */
  public FmaArrayShape withFixed(int b, int n) {
    return new FmaArrayShape(
        rows, cols, format, AccumulationMode.FIXED, outFormat, maxK, lanes, b, n);
  }

  /**
   * True when the cells are {@link FmaDotCell}s (lanes &gt; 1 or fixed mode), else {@link FmaCell}.
   */
  public boolean dotCells() {
    return lanes > 1 || mode == AccumulationMode.FIXED;
  }

  /**
   * True when a dot cell's lane tree multiplies the cell's pass-through registers ({@code x_r},
   * {@code w_r}) instead of registering its L exact products: the same latency with 8 L flip-flops
   * per cell in place of {@code 37 L} (E4M3). Exact-mode dot cells only; the fp32 and fixed cells
   * keep registered products (docs/NUMERICS.md, "FMA array: dot-product cells").
   */
  public boolean productsFromPassThrough() {
    return dotCells() && mode == AccumulationMode.EXACT && !carrySave();
  }

  /**
   * Exact mode: product window + ceil(log2 maxK) + sign bits. FP32 mode: 32. Fixed mode: B + 2, the
   * running sum's width.
   */
  public int sumBits() {
    switch (mode) {
      case EXACT:
        return Fp8Arithmetic.accumulatorBits(format, maxK);
      case FIXED:
        return accBits + 2;
      default:
        return 32;
    }
  }

  /**
   * Fixed mode: width of the running sum's exponent register (the quantum's position in units of
   * the smallest product), enough for any sum of {@code maxK} products.
   */
  public int quantumBits() {
    return io.hardformer.dsl.Module.bitsFor(Fp8Arithmetic.accumulatorBits(format, maxK));
  }

  /** Fixed mode with promotion: the cell holds FP32 like fp32 mode. */
  public boolean promotes() {
    return mode == AccumulationMode.FIXED && promoteEvery > 0;
  }

  /**
   * What a cell's hold register carries, which decides the column's output unit: an FP32 code
   * ({@code FP32}: fp32 mode and promoted fixed mode), the exact sum ({@code EXACT}), or the fixed
   * running sum and its quantum ({@code FIXED}).
   */
  public AccumulationMode holdKind() {
    return promotes() ? AccumulationMode.FP32 : mode;
  }

  /** Bits of a cell's hold register. */
  public int holdBits() {
    if (carrySave()) {
      return FmaCarrySaveCell.holdBits(sumBits());
    }
    return holdKind() == AccumulationMode.FIXED
        ? sumBits() + quantumBits() + 3
        : FmaCell.holdBits(holdKind(), sumBits());
  }

  /** Fewest cycles between the last beats of consecutive matmuls: max(R, C). */
  public int minimumSpacing() {
    return Math.max(rows, cols);
  }

  /**
   * Cycles from a row select to that row's results at the port; carry-save cells add the {@link
   * CarrySaveResolver}'s ceil(n / 8) stages and round in {@link StagedFixedToFloat}'s stages.
   */
  public int readoutLatency() {
    if (carrySave()) {
      return ColumnReadout.carrySaveLatency(rows, sumBits());
    }
    return ColumnReadout.latency(rows, holdKind());
  }

  /**
   * Cycles from a beat entering a cell to its result in the hold register: 2 for {@link FmaCell}, 3
   * for {@link FmaCarrySaveCell}, {@link FmaCarrySaveDotCell#latency} for a deep cell of L &gt; 1
   * lanes; for {@link FmaDotCell} the lane tree's latency d plus 1 (exact), 3 (fp32: round the lane
   * sum, then add), 2 (fixed: align, then accumulate) or 5 (fixed with promotion: align,
   * accumulate, round the chunk in two stages, add it to the FP32 sum).
   */
  public int cellLatency() {
    if (carrySave()) {
      return lanes == 1 ? FmaCarrySaveCell.LATENCY : FmaCarrySaveDotCell.latency(lanes);
    }
    if (!dotCells()) {
      return 2;
    }
    int d = ExactDotTree.latency(lanes);
    switch (mode) {
      case EXACT:
        return d + 1;
      case FP32:
        return d + 3;
      default:
        return promotes() ? d + 5 : d + 2;
    }
  }

  /** Stages a cell adds over today's two-stage cell: 0 for lanes 1 exact and fp32. */
  public int cellExtra() {
    return cellLatency() - 2;
  }

  /**
   * Cycles from accepting the last beat of a matmul to its first result row: C + 2 + cellExtra +
   * readout.
   */
  public int latency() {
    return cols + 2 + cellExtra() + readoutLatency();
  }

  /** Beats of a matmul of depth K: ceil(K / L) (the host zero-pads the last beat). */
  public long beats(long k) {
    return (k + lanes - 1) / lanes;
  }

  /** Cycles of one matmul in isolation, first beat to last result row inclusive. */
  public long cyclesPerMatmul(long k) {
    return beats(k) + overhead();
  }

  /** Fill and drain cycles of one matmul: R + C + cellExtra + readoutLatency + 1. */
  public int overhead() {
    return rows + cols + cellExtra() + readoutLatency() + 1;
  }

  /**
   * Cycles of {@code count} back-to-back matmuls of depth K, first beat to last result row
   * inclusive.
   */
  public long cyclesBackToBack(long k, int count) {
    return (count - 1) * Math.max(beats(k), minimumSpacing()) + cyclesPerMatmul(k);
  }

  /** FMA-busy cycles over total cycles for {@code count} back-to-back matmuls of depth K. */
  public double utilization(long k, int count) {
    return (double) (k * count) / ((long) lanes * cyclesBackToBack(k, count));
  }

  /** Multipliers: R x C x L. */
  public long fmaCount() {
    return (long) rows * cols * lanes;
  }

  /** The cycle formula as text, for the manifest and the README. */
  public static String cycleFormula() {
    return "K + R + C + readoutLatency + 1";
  }
}

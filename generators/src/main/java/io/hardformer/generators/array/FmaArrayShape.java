package io.hardformer.generators.array;

import io.hardformer.generators.catalog.ParameterCheck;
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
 */
public record FmaArrayShape(
    int rows, int cols, Fp8Format format, AccumulationMode mode, FloatPacker outFormat, int maxK) {

  public static final int MAX_DIMENSION = 1024;

  /** The largest {@code --max-k}: 2^24. */
  public static final int MAX_MAX_K = 1 << 24;

  public FmaArrayShape {
    // the one check of these ranges: the fma-array options reach it through
    // FmaArrayGenerator.Parameters
    ParameterCheck.range("--rows", rows, 1, MAX_DIMENSION);
    ParameterCheck.range("--cols", cols, 1, MAX_DIMENSION);
    ParameterCheck.range("--max-k", maxK, 1, MAX_MAX_K);
  }

  public static FmaArrayShape of(
      int rows, int cols, Fp8Format format, AccumulationMode mode, FloatPacker out) {
    return new FmaArrayShape(rows, cols, format, mode, out, FmaArray.DEFAULT_MAX_K);
  }

  /** Exact mode: product window + ceil(log2 maxK) + sign bits. FP32 mode: 32. */
  public int sumBits() {
    return mode == AccumulationMode.EXACT ? Fp8Arithmetic.accumulatorBits(format, maxK) : 32;
  }

  /** Fewest cycles between the last beats of consecutive matmuls: max(R, C). */
  public int minimumSpacing() {
    return Math.max(rows, cols);
  }

  /** Cycles from a row select to that row's results at the port. */
  public int readoutLatency() {
    return ColumnReadout.latency(rows, mode);
  }

  /** Cycles from accepting the last beat of a matmul to its first result row: C + 2 + readout. */
  public int latency() {
    return cols + 2 + readoutLatency();
  }

  /** Cycles of one matmul in isolation, first beat to last result row inclusive. */
  public long cyclesPerMatmul(long k) {
    return k + overhead();
  }

  /** Fill and drain cycles of one matmul: R + C + readoutLatency + 1. */
  public int overhead() {
    return rows + cols + readoutLatency() + 1;
  }

  /**
   * Cycles of {@code count} back-to-back matmuls of depth K, first beat to last result row
   * inclusive.
   */
  public long cyclesBackToBack(long k, int count) {
    return (count - 1) * Math.max(k, minimumSpacing()) + cyclesPerMatmul(k);
  }

  /** FMA-busy cycles over total cycles for {@code count} back-to-back matmuls of depth K. */
  public double utilization(long k, int count) {
    return (double) (k * count) / cyclesBackToBack(k, count);
  }

  public long fmaCount() {
    return (long) rows * cols;
  }

  /** The cycle formula as text, for the manifest and the README. */
  public static String cycleFormula() {
    return "K + R + C + readoutLatency + 1";
  }
}

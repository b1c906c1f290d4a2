package io.hardformer.generators.activation;

/**
 * The gate g of a gated activation y = x g(x): Phi, the standard normal distribution function
 * ({@code gelu}, erf form), or the logistic sigmoid ({@code swiglu}'s SiLU). Both satisfy g(-u) = 1
 * - g(u), so the hardware evaluates h(u) = g(u) for u = |x| only, on [0, 2^{@link #rangeLog2()}),
 * by one cubic per segment of width 2^-{@link #segmentBits()} (a table of {@link #segments()} rows,
 * {@link CubicSegmentFit}); beyond the range h is taken as exactly 1 (1 - Phi(8) ~ 2^-50, 1 -
 * sigmoid(16) ~ 2^-23.1).
 *
 * <p>Fixed-point formats (shared by {@link GatedProductGolden} and {@link GatedProductCore}): u =
 * floor(|x| 2^{@link #U_FRACTION}); segment = u &gt;&gt; (U_FRACTION - segmentBits); t = the low
 * U_FRACTION - segmentBits bits of u, the position in the segment; coefficients, Horner partial
 * sums and g in units of 2^-{@link #COEFFICIENT_FRACTION}, each product truncated (floor).
 */
public enum GatingFunction {
  /** Phi(u) on [0, 8), 64 segments of 1/8: table error 2^-24.3 (measured). */
  GAUSSIAN_CDF(3, 3),
  /** sigmoid(u) on [0, 16), 64 segments of 1/4: table error 2^-22.5 (measured). */
  SIGMOID(4, 2);

  /** Fraction bits of u = |x|. */
  public static final int U_FRACTION = 24;

  /** Fraction bits of the coefficients, the Horner sums and g (g = 1 is 2^28). */
  public static final int COEFFICIENT_FRACTION = 28;

  /** Coefficients per segment: a cubic. */
  public static final int DEGREE = 3;

  private final int rangeLog2;
  private final int segmentBits;
  private long[][] table;

  GatingFunction(int rangeLog2, int segmentBits) {
    this.rangeLog2 = rangeLog2;
    this.segmentBits = segmentBits;
  }

  /** g(x) in double: the oracle. */
  public double value(double x) {
    if (this == GAUSSIAN_CDF) {
      return NormalCdf.phi(x);
    }
    return x >= 0 ? 1 / (1 + StrictMath.exp(-x)) : StrictMath.exp(x) / (1 + StrictMath.exp(x));
  }

  /** |x| &gt;= 2^rangeLog2 is beyond the table: h = 1 there. */
  public int rangeLog2() {
    return rangeLog2;
  }

  /** Segments per unit of u are 2^segmentBits. */
  public int segmentBits() {
    return segmentBits;
  }

  public int segments() {
    return 1 << (rangeLog2 + segmentBits);
  }

  /** Fraction bits of t, the position within a segment. */
  public int positionBits() {
    return U_FRACTION - segmentBits;
  }

  /** Bits of u below the range: integer bits rangeLog2 plus U_FRACTION. */
  public int uBits() {
    return U_FRACTION + rangeLog2;
  }

  /** Coefficient a_j of segment i, in units of 2^-COEFFICIENT_FRACTION. */
  public long coefficient(int segment, int j) {
    return table()[segment][j];
  }

  /** Signed width (with sign bit) that holds a_j of every segment. */
  public int coefficientBits(int j) {
    int bits = 1;
    for (long[] row : table()) {
      bits = Math.max(bits, 64 - Long.numberOfLeadingZeros(Math.abs(row[j])) + 1);
    }
    return bits;
  }

  private synchronized long[][] table() {
    if (table == null) {
      table = CubicSegmentFit.fit(this::value, rangeLog2, segmentBits, COEFFICIENT_FRACTION);
    }
    return table;
  }

  /** {@code gelu} or {@code silu}, for parameters and messages. */
  public String shortName() {
    return this == GAUSSIAN_CDF ? "phi" : "sigmoid";
  }
}

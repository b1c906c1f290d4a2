package io.hardformer.generators.normalization;

import io.hardformer.generators.catalog.BadParameterException;
import io.hardformer.generators.catalog.ParameterCheck;
import io.hardformer.generators.numerics.Fp8Format;
import java.math.BigInteger;

/**
 * The shared core of {@code layernorm} ({@code centered}: y = (x - mean) / sqrt(var + eps) x gamma
 * + beta) and {@code rmsnorm} (y = x / sqrt(mean(x^2) + eps) x gamma) over rows of {@code dim} FP32
 * elements, {@code lanes} per beat. The ranges are checked here once: lanes 1..{@link #MAX_LANES},
 * dim a multiple of lanes in 1..{@link #MAX_DIM}, eps an FP32 value in [2^-126, 1].
 *
 * <p>Internal formats (see {@link NormalizationGolden}): each x is aligned to the row's largest
 * exponent R with {@link #GUARD_BITS} extra fraction bits, X = trunc(x x 2^(150 + G - R)), a {@link
 * #X_BITS}-bit signed integer; squares Q = trunc(sig^2 x 2^(2(e - R))), 48 bits; their row sums A
 * ({@link #A_BITS} bits signed) and B ({@link #B_BITS} bits) are exact but for the truncations when
 * R grows. Statistics and outputs use {@link ExtendedFloat} (32-bit significands).
 */
public record NormalizationShape(
    int dim, int lanes, boolean centered, int epsBits, Fp8Format format) {
  public static final int MAX_LANES = 32;
  public static final int MAX_DIM = 8192;
  public static final int GUARD_BITS = 8;
  public static final int X_BITS = 24 + GUARD_BITS + 1;
  public static final int A_BITS = X_BITS + 14;
  public static final int Q_BITS = 48;
  public static final int B_BITS = Q_BITS + 14;

  /** Signed exponent width of the hardware's extended floats. */
  public static final int EXPONENT_BITS = 12;

  public NormalizationShape {
    ParameterCheck.range("--lanes", lanes, 1, MAX_LANES);
    ParameterCheck.range("--dim", dim, 1, MAX_DIM);
    if (dim % lanes != 0) {
      throw new BadParameterException(
          "--dim", "option '--dim' must be a multiple of --lanes (" + lanes + "), got " + dim);
    }
    float eps = Float.intBitsToFloat(epsBits);
    if (!(eps >= 0x1p-126f && eps <= 1f)) {
      throw new BadParameterException(
          "--eps", "option '--eps' must be between 2^-126 (1.2e-38) and 1, got " + eps);
    }
  }

  /**
   * The FP32 value of an {@code --eps} option: a decimal number in [2^-126, 1], rounded to FP32.
   */
  public static int parseEps(String text) {
    float eps;
    try {
      eps = Float.parseFloat(text.trim());
    } catch (NumberFormatException e) {
      throw new BadParameterException(
          "--eps", "option '--eps' must be a number such as 1e-5, got '" + text + "'");
    }
    if (!(eps >= 0x1p-126f && eps <= 1f)) {
      throw new BadParameterException(
          "--eps", "option '--eps' must be between 2^-126 (1.2e-38) and 1, got " + text);
    }
    return Float.floatToRawIntBits(eps);
  }

  public float eps() {
    return Float.intBitsToFloat(epsBits);
  }

  /** Beats per row pass: N / L. */
  public int beatsPerRow() {
    return dim / lanes;
  }

  /** 1 / N^2 truncated to an extended float (scales N^2 var to var). */
  public ExtendedFloat inverseDimSquared() {
    return reciprocal(BigInteger.valueOf(dim).multiply(BigInteger.valueOf(dim)));
  }

  /** 1 / N truncated (layernorm folds it into the output scale); 1 for rmsnorm. */
  public ExtendedFloat outputFactor() {
    return centered
        ? reciprocal(BigInteger.valueOf(dim))
        : new ExtendedFloat(false, ExtendedFloat.TOP, 1 - ExtendedFloat.BITS);
  }

  private static ExtendedFloat reciprocal(BigInteger d) {
    int shift = 2 * ExtendedFloat.BITS + d.bitLength();
    return ExtendedFloat.ofInteger(BigInteger.ONE.shiftLeft(shift).divide(d), -shift);
  }

  /** N as the integer that scales B to N x B. */
  public BigInteger scaledSquares(BigInteger b) {
    return b.multiply(BigInteger.valueOf(dim)).shiftLeft(2 * GUARD_BITS);
  }
}

package io.hardformer.generators.activation;

/**
 * The standard normal distribution function Phi(x) = (1 + erf(x / sqrt 2)) / 2 in double precision,
 * accurate to a few ulps relative in both tails: the series Phi(x) = 1/2 + phi(x) (x + x^3/3 +
 * x^5/15 + ...) (all terms positive) for |x| &lt; 3, and the continued fraction of the upper tail,
 * 1 - Phi(u) = phi(u) / (u + 1/(u + 2/(u + 3/(u + ...)))), for |x| &gt;= 3. Java has no erf; this
 * is the double-precision oracle of the {@code gelu} unit and the source of its table.
 */
public final class NormalCdf {
  private static final double INV_SQRT_2PI = 0.3989422804014327;

  private NormalCdf() {}

  /** Phi(x); 0 at -Inf, 1 at +Inf, NaN for NaN. */
  public static double phi(double x) {
    if (Double.isNaN(x)) {
      return x;
    }
    double u = Math.abs(x);
    if (u < 3) {
      double sum = u;
      double term = u;
      for (int n = 1; n < 200; n++) {
        term *= u * u / (2 * n + 1);
        sum += term;
        if (term < 1e-19 * sum) {
          break;
        }
      }
      double half = density(u) * sum;
      return x < 0 ? 0.5 - half : 0.5 + half;
    }
    double tail = upperTail(u);
    return x < 0 ? tail : 1 - tail;
  }

  /** 1 - Phi(u) for u &gt;= 3 by the continued fraction, evaluated from 200 levels deep. */
  private static double upperTail(double u) {
    if (u > 40) {
      return 0;
    }
    double f = u;
    for (int k = 200; k >= 1; k--) {
      f = u + k / f;
    }
    return density(u) / f;
  }

  private static double density(double u) {
    return INV_SQRT_2PI * StrictMath.exp(-u * u / 2);
  }
}

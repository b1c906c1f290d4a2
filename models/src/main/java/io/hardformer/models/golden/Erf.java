package io.hardformer.models.golden;

/**
 * erf(x) in double by the Chebyshev-fitted erfc of Numerical Recipes (2nd ed., section 6.2, {@code
 * erfcc}): fractional error under 1.2e-7 everywhere, so GELU's 1 + erf is within about one FP32
 * ulp. Used by the FP32 reference forward pass and the GELU stand-in.
 */
public final class Erf {
  private Erf() {}

  public static double erf(double x) {
    double z = Math.abs(x);
    double t = 1.0 / (1.0 + 0.5 * z);
    double r =
        t
            * Math.exp(
                -z * z
                    - 1.26551223
                    + t
                        * (1.00002368
                            + t
                                * (0.37409196
                                    + t
                                        * (0.09678418
                                            + t
                                                * (-0.18628806
                                                    + t
                                                        * (0.27886807
                                                            + t
                                                                * (-1.13520398
                                                                    + t
                                                                        * (1.48851587
                                                                            + t
                                                                                * (-0.82215223
                                                                                    + t
                                                                                        * 0.17087277)))))))));
    return x >= 0 ? 1 - r : r - 1;
  }

  /** GELU, erf form: x/2 (1 + erf(x / sqrt 2)). */
  public static double gelu(double x) {
    return 0.5 * x * (1 + erf(x / Math.sqrt(2)));
  }
}

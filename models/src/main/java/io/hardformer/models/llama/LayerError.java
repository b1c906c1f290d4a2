package io.hardformer.models.llama;

/**
 * How far a layer's output is from the double-precision reference, relative to the reference's RMS
 * over all positions and channels: {@code rms = sqrt(mean((y - ref)^2)) / rms(ref)} and {@code max
 * = max|y - ref| / rms(ref)}. A NaN anywhere makes both NaN.
 */
public record LayerError(double rms, double max) {

  /** Compares FP32 bits {@code y[t][c]} with {@code reference[t][c]}. */
  public static LayerError of(int[][] y, double[][] reference) {
    double refSquares = 0;
    double errSquares = 0;
    double maxErr = 0;
    long n = 0;
    for (int t = 0; t < reference.length; t++) {
      for (int c = 0; c < reference[t].length; c++) {
        double r = reference[t][c];
        double e = Float.intBitsToFloat(y[t][c]) - r;
        refSquares += r * r;
        errSquares += e * e;
        maxErr = Double.isNaN(e) ? Double.NaN : Math.max(maxErr, Math.abs(e));
        n++;
      }
    }
    double refRms = Math.sqrt(refSquares / n);
    return new LayerError(Math.sqrt(errSquares / n) / refRms, maxErr / refRms);
  }
}

package io.hardformer.generators.activation;

import io.hardformer.generators.numerics.Fp8Format;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * FP32 stimulus for the activation units: the corners of the format (zeros of both signs,
 * subnormals, the smallest and largest normals, Inf, NaNs with either sign and payload), the
 * table's range ends and segment boundaries with their neighbours, FP8 rounding ties that pass
 * through exactly (y = x where the gate is exactly 1), and random values over the interesting
 * range.
 */
public final class ActivationStimulus {
  private ActivationStimulus() {}

  /** Corner codes for a unit whose gate is {@code f}, FP8 ties for {@code format}. */
  public static List<Integer> corners(GatingFunction f, Fp8Format format) {
    List<Integer> v = new ArrayList<>();
    int[] fixed = {
      0x00000000,
      0x80000000, // zeros
      0x00000001,
      0x80000001,
      0x007FFFFF,
      0x807FFFFF,
      0x00400000, // subnormals
      0x00800000,
      0x80800000,
      0x00800001, // smallest normals
      0x7F7FFFFF,
      0xFF7FFFFF, // largest normals
      0x7F800000,
      0xFF800000, // infinities
      0x7FC00000,
      0xFFC00001,
      0x7F800001,
      0xFFFFFFFF // NaNs
    };
    for (int c : fixed) {
      v.add(c);
    }
    double range = Math.scalb(1.0, f.rangeLog2());
    for (double x :
        new double[] {
          range, 0.5, 1, 2, 3, 1e-3, 1e-8, Math.scalb(1.0, -24), Math.scalb(1.0, -25)
        }) {
      int b = Float.floatToRawIntBits((float) x);
      for (int d = -2; d <= 2; d++) {
        v.add(b + d);
        v.add((b + d) | 0x80000000);
      }
    }
    double w = Math.scalb(1.0, -f.segmentBits());
    for (int i = 1; i < f.segments(); i++) {
      int b = Float.floatToRawIntBits((float) (i * w));
      v.add(b);
      v.add(b - 1);
      v.add(b | 0x80000000);
    }
    // FP8 ties above the range: y = x exactly there, so q rounds a tie
    for (int c = 0; c < 0x7F; c++) {
      double lo = format.toDouble(c);
      double hi = format.toDouble(c + 1);
      if (lo >= range && !Double.isNaN(hi) && !Double.isInfinite(hi)) {
        v.add(Float.floatToRawIntBits((float) ((lo + hi) / 2)));
      }
    }
    return v;
  }

  /**
   * A random FP32 code: half uniform over |x| &lt; 2^(rangeLog2 + 1) with random sign, a quarter
   * log-uniform magnitudes from 2^-30 to 2^40, a quarter raw random bits (every class).
   */
  public static int random(GatingFunction f, Random r) {
    int kind = r.nextInt(4);
    if (kind < 2) {
      double x = (r.nextDouble() * 2 - 1) * Math.scalb(1.0, f.rangeLog2() + 1);
      return Float.floatToRawIntBits((float) x);
    }
    if (kind == 2) {
      double x = Math.scalb(1 + r.nextDouble(), r.nextInt(71) - 30);
      return Float.floatToRawIntBits((float) (r.nextBoolean() ? x : -x));
    }
    return r.nextInt();
  }
}

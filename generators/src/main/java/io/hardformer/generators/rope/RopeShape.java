package io.hardformer.generators.rope;

import io.hardformer.generators.catalog.BadParameterException;
import io.hardformer.generators.catalog.ParameterCheck;
import io.hardformer.generators.numerics.Fp8Format;

/**
 * The parameters of the rotary embedding (HF Llama convention: element i pairs with i + D/2). The
 * ranges are checked here once: head dim D even, 2..1024; theta 2..100,000,000 (Llama-3: 500,000);
 * max position P 1..2^24 (default 8,192, Llama-3's context; positions 0..P); lanes L 1..64 with D/2
 * a multiple of L, so a beat never holds elements of both halves.
 */
public record RopeShape(int headDim, int theta, int maxPosition, int lanes, Fp8Format format) {
  public static final int MAX_POSITION_LIMIT = 1 << 24;

  public RopeShape {
    ParameterCheck.range("--head-dim", headDim, 2, 1024);
    if (headDim % 2 != 0) {
      throw new BadParameterException(
          "--head-dim",
          "option '--head-dim' must be even (element i pairs with i + D/2), got " + headDim);
    }
    ParameterCheck.range("--theta", theta, 2, 100_000_000);
    ParameterCheck.range("--max-position", maxPosition, 1, MAX_POSITION_LIMIT);
    ParameterCheck.range("--lanes", lanes, 1, 64);
    if ((headDim / 2) % lanes != 0) {
      throw new BadParameterException(
          "--lanes",
          "option '--lanes' must divide D/2 = "
              + headDim / 2
              + " (a beat holds elements of one half), got "
              + lanes);
    }
    if (format == null) {
      throw new IllegalArgumentException("format is required");
    }
  }

  /** Pairs per row: D/2. */
  public int pairs() {
    return headDim / 2;
  }

  /** Beats per half row: H = D/(2L); a row is 2H beats. */
  public int beatsPerHalf() {
    return headDim / 2 / lanes;
  }

  /** Width of the {@code position} port: enough for 0..P. */
  public int positionBits() {
    return 64 - Long.numberOfLeadingZeros(maxPosition);
  }

  /**
   * Cycles from a second-half beat's acceptance to its output beat ({@link RopeUnit}): issue
   * register, angle-step look-up, phase multiply, sin/cos, rotation, FP8 quantizer.
   */
  public int latency() {
    return 3 + RopeSinCos.LATENCY + RopeRotationLane.LATENCY + RopeUnit.FP8_QUANT_STAGES;
  }

  /**
   * Cycles of {@code rows} rows sent back to back (one beat a cycle), from the first beat's
   * acceptance to the last output beat, both inclusive: 2H beats a row, then the last row's H
   * second-half outputs drain after its last beat, then the latency.
   */
  public long cyclesBackToBack(int rows) {
    return 2L * beatsPerHalf() * rows + beatsPerHalf() + latency();
  }
}

package io.hardformer.generators.array;

import io.hardformer.generators.array.AccumulationAccuracy.Errors;
import io.hardformer.generators.array.AccumulationAccuracy.Inputs;
import io.hardformer.generators.fp8.FloatPacker;
import io.hardformer.generators.numerics.Fp8Format;
import java.util.ArrayList;
import java.util.List;

/**
 * The accumulator study's protocol, shared by {@code bench/run accuracy} and {@code hardformer
 * explore fma-array}: which seed each measurement uses (so a configuration's figures at depth K on
 * one input class are the same wherever they are computed), the depths and configurations of
 * docs/BENCHMARKS.md's table, and a configuration's options as typed on the command line.
 */
public final class AccumulationStudy {
  /** The depths of the study. */
  public static final int[] DEPTHS = {256, 4096, 16384};

  private AccumulationStudy() {}

  /** The seed of a measurement at depth K on one input class: {@code 1000 K + class ordinal}. */
  public static long seed(int k, Inputs inputs) {
    return 1000L * k + inputs.ordinal();
  }

  /**
   * Error figures of a configuration at depth K on one input class, over {@value
   * AccumulationAccuracy#SAMPLE_ROWS} x {@value AccumulationAccuracy#SAMPLE_COLS} outputs.
   */
  public static Errors errors(FmaArrayShape config, Inputs inputs, int k) {
    return AccumulationAccuracy.measure(config, inputs, k, seed(k, inputs));
  }

  /**
   * Error figures over {@code samples x samples} outputs (X is samples x K, W is K x samples), same
   * seed as {@link #errors(FmaArrayShape, Inputs, int)}.
   */
  public static Errors errors(FmaArrayShape config, Inputs inputs, int k, int samples) {
    return AccumulationAccuracy.measure(config, inputs, k, seed(k, inputs), samples, samples);
  }

  /**
   * The sample of {@link #errors(FmaArrayShape, Inputs, int, int)} for a format: reuse it to
   * measure many configurations of that format with {@link
   * AccumulationAccuracy#measure(FmaArrayShape, AccuracySample)}, which gives the same figures.
   */
  public static AccuracySample sample(Fp8Format format, Inputs inputs, int k, int samples) {
    return AccuracySample.of(format, inputs, k, seed(k, inputs), samples, samples);
  }

  /** The configurations of docs/BENCHMARKS.md's table (E4M3, FP32 out). */
  public static List<FmaArrayShape> configurations() {
    FmaArrayShape fp32 =
        FmaArrayShape.of(1, 1, Fp8Format.E4M3, AccumulationMode.FP32, FloatPacker.FP32);
    FmaArrayShape exact =
        FmaArrayShape.of(1, 1, Fp8Format.E4M3, AccumulationMode.EXACT, FloatPacker.FP32);
    List<FmaArrayShape> c = new ArrayList<>();
    c.add(fp32);
    c.add(exact);
    c.add(fp32.withFixed(13, 0));
    c.add(fp32.withFixed(13, 128));
    for (int lanes : new int[] {4, 8, 16}) {
      c.add(exact.withLanes(lanes));
      c.add(fp32.withLanes(lanes));
      c.add(fp32.withLanes(lanes).withFixed(13, 0));
      c.add(fp32.withLanes(lanes).withFixed(13, 128));
    }
    return c;
  }

  /** A configuration's accumulator and lanes options, as typed for {@code fma-array}. */
  public static String describe(FmaArrayShape s) {
    String acc =
        s.mode() == AccumulationMode.FIXED
            ? "fixed --acc-bits "
                + s.accBits()
                + (s.promotes() ? " --promote-every " + s.promoteEvery() : "")
            : s.mode().cliName();
    return "--acc " + acc + (s.lanes() > 1 ? " --lanes " + s.lanes() : "");
  }
}

package io.hardformer.bench;

import io.hardformer.area.AreaFigures;
import io.hardformer.area.FmaArrayArea;
import io.hardformer.area.UnitAreaTable;
import io.hardformer.generators.array.AccumulationAccuracy;
import io.hardformer.generators.array.AccumulationAccuracy.Errors;
import io.hardformer.generators.array.AccumulationAccuracy.Inputs;
import io.hardformer.generators.array.AccumulationMode;
import io.hardformer.generators.array.FmaArrayShape;
import io.hardformer.generators.fp8.FloatPacker;
import io.hardformer.generators.numerics.Fp8Format;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Area against accuracy of the FMA array's accumulators ({@code bench/run accuracy}): for each
 * configuration, transistors per FMA at 64 x 64 from the unit table, and the error against FP64 at
 * K = 256, 4096, 16384 on Gaussian and Student-t (nu = 3) inputs. Prints a Markdown table.
 *
 * <p>The two methods a design-space explorer needs: {@link #errors} (config to error figures) and
 * {@link #transistorsPerFma} (config to transistors per FMA).
 */
public final class AccumulatorStudy {
  /** The depths of the study. */
  public static final int[] DEPTHS = {256, 4096, 16384};

  private AccumulatorStudy() {}

  /** Error figures of a configuration at depth K on one input distribution (seeded by K). */
  public static Errors errors(FmaArrayShape config, Inputs inputs, int k) {
    return AccumulationAccuracy.measure(config, inputs, k, 1000L * k + inputs.ordinal());
  }

  /**
   * Transistors per FMA (per multiplier: R x C x L) of the configuration as a 64 x 64 array, priced
   * from the bundled unit table (Yosys per-unit synthesis).
   */
  public static double transistorsPerFma(FmaArrayShape config) {
    FmaArrayShape a64 =
        new FmaArrayShape(
            64,
            64,
            config.format(),
            config.mode(),
            config.outFormat(),
            config.maxK(),
            config.lanes(),
            config.accBits(),
            config.promoteEvery());
    return FmaArrayArea.estimate(
            a64, UnitAreaTable.bundled(), AreaFigures.DEFAULT_DENSITY_MTR_PER_MM2)
        .transistorsPerFma();
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
      c.add(fp32.withLanes(lanes));
      c.add(fp32.withLanes(lanes).withFixed(13, 0));
      c.add(fp32.withLanes(lanes).withFixed(13, 128));
    }
    return c;
  }

  /** A configuration's options, as typed on the command line. */
  public static String describe(FmaArrayShape s) {
    String acc =
        s.mode() == AccumulationMode.FIXED
            ? "fixed --acc-bits "
                + s.accBits()
                + (s.promotes() ? " --promote-every " + s.promoteEvery() : "")
            : s.mode().cliName();
    return "--acc " + acc + (s.lanes() > 1 ? " --lanes " + s.lanes() : "");
  }

  public static void run() {
    System.out.println(
        "| configuration (E4M3) | transistors/FMA 64x64 | inputs | K | max err/Σ|xw| | RMS err/Σ|xw|"
            + " | max err/|y| | RMS err/|y| |");
    System.out.println("|---|---:|---|---:|---:|---:|---:|---:|");
    for (FmaArrayShape s : configurations()) {
      double t;
      try {
        t = transistorsPerFma(s);
      } catch (RuntimeException e) {
        t = Double.NaN; // not in the bundled table
      }
      for (Inputs in : Inputs.values()) {
        for (int k : DEPTHS) {
          Errors e = errors(s, in, k);
          System.out.printf(
              Locale.ROOT,
              "| %s | %,.0f | %s | %d | %.2e | %.2e | %.2e | %.2e |%n",
              describe(s),
              t,
              in.cliName(),
              k,
              e.maxRelSumAbs(),
              e.rmsRelSumAbs(),
              e.maxRelY(),
              e.rmsRelY());
        }
      }
    }
  }
}

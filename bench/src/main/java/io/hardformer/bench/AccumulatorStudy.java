package io.hardformer.bench;

import io.hardformer.area.AreaFigures;
import io.hardformer.area.FmaArrayArea;
import io.hardformer.area.UnitAreaTable;
import io.hardformer.generators.array.AccumulationAccuracy.Errors;
import io.hardformer.generators.array.AccumulationAccuracy.Inputs;
import io.hardformer.generators.array.AccumulationStudy;
import io.hardformer.generators.array.FmaArrayShape;
import java.util.List;
import java.util.Locale;

/**
 * Area against accuracy of the FMA array's accumulators ({@code bench/run accuracy}): for each
 * configuration, transistors per FMA at 64 x 64 from the unit table, and the error against FP64 at
 * K = 256, 4096, 16384 on Gaussian and Student-t (nu = 3) inputs. Prints a Markdown table.
 *
 * <p>The measurement protocol (seeds, depths, configurations) is {@link AccumulationStudy} in the
 * generators module, which {@code hardformer explore fma-array} uses too.
 */
public final class AccumulatorStudy {
  /** The depths of the study. */
  public static final int[] DEPTHS = AccumulationStudy.DEPTHS;

  private AccumulatorStudy() {}

  /** Error figures of a configuration at depth K on one input distribution (seeded by K). */
  public static Errors errors(FmaArrayShape config, Inputs inputs, int k) {
    return AccumulationStudy.errors(config, inputs, k);
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
    return AccumulationStudy.configurations();
  }

  /** A configuration's options, as typed on the command line. */
  public static String describe(FmaArrayShape s) {
    return AccumulationStudy.describe(s);
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

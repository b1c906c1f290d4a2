package io.hardformer.bench;

import io.hardformer.area.AreaFigures;
import io.hardformer.area.FmaArrayArea;
import io.hardformer.area.UnitAreaTable;
import io.hardformer.generators.array.AccumulationAccuracy.Errors;
import io.hardformer.generators.array.AccumulationAccuracy.Inputs;
import io.hardformer.generators.array.AccumulationMode;
import io.hardformer.generators.array.AccumulationStudy;
import io.hardformer.generators.array.FmaArrayShape;
import io.hardformer.generators.fp8.FloatPacker;
import io.hardformer.generators.numerics.Fp8Format;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Area against accuracy of the FMA array's accumulators ({@code bench/run accuracy}): for each
 * configuration, transistors per FMA at 64 x 64 from the unit table, and the error against FP64 at
 * K = 256, 4096, 16384 on Gaussian and Student-t (nu = 3) inputs, and at K = 384 and 1536 on
 * MiniLM's own matmul inputs ({@link MiniLmMatmulInputs}). Prints a Markdown table.
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
    return FmaArrayArea.estimate(
            at64(config), UnitAreaTable.bundled(), AreaFigures.DEFAULT_DENSITY_MTR_PER_MM2)
        .transistorsPerFma();
  }

  private static FmaArrayShape at64(FmaArrayShape config) {
    return new FmaArrayShape(
        64,
        64,
        config.format(),
        config.mode(),
        config.outFormat(),
        config.maxK(),
        config.lanes(),
        config.accBits(),
        config.promoteEvery());
  }

  /** The configurations of docs/BENCHMARKS.md's table (E4M3, FP32 out). */
  public static List<FmaArrayShape> configurations() {
    return AccumulationStudy.configurations();
  }

  /** A configuration's options, as typed on the command line. */
  public static String describe(FmaArrayShape s) {
    return AccumulationStudy.describe(s);
  }

  /** The E5M2 configurations of the Pareto table: the main ones of {@link #configurations}. */
  public static List<FmaArrayShape> e5m2Configurations() {
    FmaArrayShape fp32 =
        FmaArrayShape.of(1, 1, Fp8Format.E5M2, AccumulationMode.FP32, FloatPacker.FP32);
    FmaArrayShape exact =
        FmaArrayShape.of(1, 1, Fp8Format.E5M2, AccumulationMode.EXACT, FloatPacker.FP32);
    return List.of(
        fp32,
        fp32.withFixed(13, 0),
        fp32.withFixed(13, 128),
        exact.withLanes(16),
        fp32.withLanes(16),
        fp32.withLanes(16).withFixed(13, 0),
        fp32.withLanes(16).withFixed(13, 128));
  }

  /** MiniLM's matmul depths: D_MODEL and the FFN width. */
  public static final int[] MINILM_DEPTHS = {384, 1536};

  /**
   * {@code bench/run accuracy}: the study's table (Gaussian, Student-t, then MiniLM's matmul
   * inputs); {@code bench/run accuracy pareto}: the Pareto table at K = 4096.
   */
  public static void run(String[] args) {
    if (args.length > 1 && args[1].equals("pareto")) {
      pareto();
    } else {
      run();
    }
  }

  /**
   * The Pareto table: per configuration (E4M3, then E5M2), transistors and register bits per FMA at
   * 64 x 64, max and RMS error at K = 4096 (Gaussian, Student-t), the worst MiniLM error, and
   * whether another row of the same format is at least as good in area and Gaussian max error
   * (dominated).
   */
  public static void pareto() {
    System.out.println(
        "| configuration | format | transistors/FMA | register bits/FMA | gaussian max err/Σ|xw|"
            + " | gaussian RMS | gaussian max err/|y| | student-t3 max err/Σ|xw| | student-t3 RMS"
            + " | MiniLM max err/Σ|xw| (K 384, 1536) | Pareto |");
    System.out.println("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|");
    for (List<FmaArrayShape> set : List.of(configurations(), e5m2Configurations())) {
      MiniLmMatmulInputs real = MiniLmMatmulInputs.capture(set.get(0).format());
      List<double[]> points = new ArrayList<>();
      List<String> rows = new ArrayList<>();
      for (FmaArrayShape s : set) {
        double t = transistorsPerFma(s);
        Errors g = errors(s, Inputs.GAUSSIAN, 4096);
        Errors st = errors(s, Inputs.STUDENT_T3, 4096);
        points.add(new double[] {t, g.maxRelSumAbs()});
        rows.add(
            String.format(
                Locale.ROOT,
                "| `%s` | %s | %,.0f | %.1f | %.2e | %.2e | %.2e | %.2e | %.2e | %.2e, %.2e |",
                describe(s),
                s.format().cliName(),
                t,
                registerBitsPerFma(s),
                g.maxRelSumAbs(),
                g.rmsRelSumAbs(),
                g.maxRelY(),
                st.maxRelSumAbs(),
                st.rmsRelSumAbs(),
                real.errors(s, MINILM_DEPTHS[0]).maxRelSumAbs(),
                real.errors(s, MINILM_DEPTHS[1]).maxRelSumAbs()));
      }
      for (int i = 0; i < rows.size(); i++) {
        System.out.println(rows.get(i) + (dominated(points, i) ? " dominated |" : " front |"));
      }
    }
  }

  /** True when another point is no worse in both coordinates and better in one. */
  static boolean dominated(List<double[]> points, int i) {
    double[] p = points.get(i);
    for (int j = 0; j < points.size(); j++) {
      double[] q = points.get(j);
      if (j != i && q[0] <= p[0] && q[1] <= p[1] && (q[0] < p[0] || q[1] < p[1])) {
        return true;
      }
    }
    return false;
  }

  /** Flip-flops of the 64 x 64 array per FMA (R x C x L). */
  public static double registerBitsPerFma(FmaArrayShape config) {
    FmaArrayShape a64 = at64(config);
    return (double) FmaArrayArea.registerBits(a64, UnitAreaTable.bundled()) / a64.fmaCount();
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
    MiniLmMatmulInputs real = MiniLmMatmulInputs.capture(Fp8Format.E4M3);
    for (FmaArrayShape s : configurations()) {
      for (int k : MINILM_DEPTHS) {
        Errors e = real.errors(s, k);
        System.out.printf(
            Locale.ROOT,
            "| %s | %,.0f | minilm | %d | %.2e | %.2e | %.2e | %.2e |%n",
            describe(s),
            transistorsPerFma(s),
            k,
            e.maxRelSumAbs(),
            e.rmsRelSumAbs(),
            e.maxRelY(),
            e.rmsRelY());
      }
    }
  }
}

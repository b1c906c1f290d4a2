package io.hardformer.cli.explore;

import io.hardformer.area.AreaFigures;
import io.hardformer.area.FmaArrayArea;
import io.hardformer.area.UnitAreaTable;
import io.hardformer.generators.array.AccumulationAccuracy;
import io.hardformer.generators.array.AccumulationAccuracy.Errors;
import io.hardformer.generators.array.AccumulationAccuracy.Inputs;
import io.hardformer.generators.array.AccumulationStudy;
import io.hardformer.generators.array.AccuracySample;
import io.hardformer.generators.array.FmaArray;
import io.hardformer.generators.array.FmaArrayShape;
import io.hardformer.generators.numerics.Fp8Format;
import java.util.HashMap;
import java.util.Map;

/**
 * Computes one point of a sweep: area from the bundled unit table ({@link FmaArrayArea}, the
 * figures of {@code area fma-array --json}) and errors from the bit-exact golden model ({@link
 * AccumulationStudy}, seeded by K and input class, so every run and every shard gets the same
 * figures). One evaluator per sweep: it draws each format's samples and their FP64 reference once.
 */
final class PointEvaluator {
  private final ExploreSweep sweep;
  private final Map<String, AccuracySample> samples = new HashMap<>();

  PointEvaluator(ExploreSweep sweep) {
    this.sweep = sweep;
  }

  private AccuracySample sample(Fp8Format f, Inputs inputs) {
    return samples.computeIfAbsent(
        f.cliName() + "/" + inputs.cliName(),
        key -> AccumulationStudy.sample(f, inputs, sweep.k(), sweep.samples()));
  }

  ExplorePoint evaluate(int index, FmaArrayShape s) {
    Long transistors = null;
    Double mm2 = null;
    Long registerBits = null;
    String note = null;
    try {
      AreaFigures a =
          FmaArrayArea.estimate(
              s, UnitAreaTable.bundled(), AreaFigures.DEFAULT_DENSITY_MTR_PER_MM2);
      transistors = Math.round(a.transistorsPerFma());
      mm2 = Math.round(a.mm2() * 1e6) / 1e6;
      registerBits = a.registerBits();
    } catch (IllegalArgumentException e) { // no synthesized cell in the table
      note = e.getMessage();
    }
    Errors g = AccumulationAccuracy.measure(s, sample(s.format(), Inputs.GAUSSIAN));
    Errors t = AccumulationAccuracy.measure(s, sample(s.format(), Inputs.STUDENT_T3));
    return new ExplorePoint(
        index,
        s.format().cliName(),
        s.mode().cliName(),
        s.accBits(),
        s.promoteEvery(),
        s.lanes(),
        sweep.k(),
        s.rows(),
        s.cols(),
        options(s),
        transistors,
        mm2,
        registerBits,
        note,
        g,
        t,
        cycleFormula(s, sweep.k()),
        s.cyclesPerMatmul(sweep.k()));
  }

  /** The {@code fma-array} options that build this point. */
  static String options(FmaArrayShape s) {
    return "--rows "
        + s.rows()
        + " --cols "
        + s.cols()
        + " --format "
        + s.format().cliName()
        + " "
        + AccumulationStudy.describe(s)
        + (s.maxK() != FmaArray.DEFAULT_MAX_K ? " --max-k " + s.maxK() : "");
  }

  /** The cycles of one matmul as a formula, then with this point's numbers. */
  static String cycleFormula(FmaArrayShape s, int k) {
    String beats = s.lanes() > 1 ? "ceil(K/" + s.lanes() + ")" : "K";
    return (s.dotCells()
            ? "ceil(K/L) + R + C + cellExtra + readoutLatency + 1"
            : FmaArrayShape.cycleFormula())
        + " = "
        + beats
        + " + "
        + s.rows()
        + " + "
        + s.cols()
        + (s.dotCells() ? " + " + s.cellExtra() : "")
        + " + "
        + s.readoutLatency()
        + " + 1";
  }
}

package io.hardformer.cli.explore;

import io.hardformer.cli.ExitCodes;
import io.hardformer.cli.output.OutputFolder;
import io.hardformer.generators.array.FmaArrayShape;
import io.hardformer.generators.catalog.BadParameterException;
import io.hardformer.generators.numerics.Fp8Format;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code hardformer explore fma-array}: every format x accumulator x lane count at one K, each
 * priced from the unit table and measured against FP64, into {@code --out} (docs/EXPLORE.md).
 */
@Command(
    name = "fma-array",
    mixinStandardHelpOptions = true,
    description = {
      "Sweeps the FMA array: for every format x accumulator x lane count (in that order; point "
          + "index 0, 1, ...), transistors per FMA, mm^2 and register bits of an R x C array (bundled "
          + "Yosys unit table, as 'area fma-array --json') and the max and RMS error against FP64 "
          + "relative to sum|x*w| and to |y| on Gaussian and Student-t (nu = 3) inputs at depth K "
          + "(16 x 16 outputs per input class, seeded: reruns give the same bytes).",
      "Writes OUT/points.jsonl (one JSON object per point), OUT/sweep.json and OUT/index.html "
          + "(Pareto chart of transistors per FMA against Gaussian max error/sum|x*w|, dominated "
          + "points marked, and a table). With --shard I/N only the points whose index mod N is "
          + "I - 1, and no index.html; join the shards with 'explore merge'."
    },
    footer = {
      "",
      "Examples:",
      "  ./hardformer explore fma-array --k 1024 --out build/explore   # the default 20 points at K = 1024",
      "  ./hardformer explore fma-array --formats e4m3,e5m2 --acc fp32,fixed:13 --lanes 1,16 --k 256 --out build/e5m2"
    })
public final class ExploreFmaArrayCommand implements Callable<Integer> {
  private static final Set<Integer> LANES = Set.of(1, 2, 4, 8, 16);

  @Spec CommandSpec spec;

  @Option(
      names = "--formats",
      defaultValue = "e4m3",
      description = "FP8 formats, comma-separated: e4m3, e5m2 (default: ${DEFAULT-VALUE}).")
  String formats;

  @Option(
      names = "--acc",
      defaultValue = "fp32,exact,fixed:13,fixed:13:128",
      description =
          "Accumulators, comma-separated: fp32, exact, fixed:B (B fraction bits), fixed:B:N "
              + "(promoted to FP32 every N products) (default: ${DEFAULT-VALUE}).")
  String acc;

  @Option(
      names = "--lanes",
      defaultValue = "1,2,4,8,16",
      description =
          "Products per cell and beat, comma-separated, each 1, 2, 4, 8 or 16 (default: ${DEFAULT-VALUE}).")
  String lanes;

  @Option(
      names = "--k",
      defaultValue = "4096",
      description =
          "Dot-product depth K of the accuracy measurement and the cycle count (default: ${DEFAULT-VALUE}).")
  int k;

  @Option(
      names = "--rows",
      defaultValue = "64",
      description = "Array rows R (default: ${DEFAULT-VALUE}).")
  int rows;

  @Option(
      names = "--cols",
      defaultValue = "64",
      description = "Array columns C (default: ${DEFAULT-VALUE}).")
  int cols;

  @Option(
      names = "--shard",
      defaultValue = "1/1",
      description =
          "Only shard I of N: the points whose index mod N equals I - 1 (default: ${DEFAULT-VALUE}, all).")
  String shard;

  @Option(names = "--out", required = true, description = "Output folder (created if needed).")
  Path out;

  @Option(
      names = "--json",
      description = "Print the sweep, its points and the Pareto front as one JSON object.")
  boolean json;

  @Override
  public Integer call() {
    OutputFolder.require(spec.commandLine(), "--out", out);
    ExploreSweep sweep = sweep();
    ShardSpec part = option("--shard", shard, ShardSpec::parse);
    List<FmaArrayShape> shapes = sweep.shapes();
    List<ExplorePoint> points = new ArrayList<>();
    PointEvaluator evaluator = new PointEvaluator(sweep);
    for (int i = 0; i < shapes.size(); i++) {
      if (part.includes(i)) {
        long t0 = System.nanoTime();
        ExplorePoint p = evaluator.evaluate(i, shapes.get(i));
        points.add(p);
        System.err.printf(
            Locale.ROOT,
            "explore: point %d of %d (%s): %s transistors/FMA, Gaussian max err/sum|xw| %.2e (%.1f s)%n",
            i,
            shapes.size(),
            ExploreReport.label(p),
            p.priced() ? String.format(Locale.ROOT, "%,d", p.transistorsPerFma()) : "no area",
            p.paretoError(),
            (System.nanoTime() - t0) / 1e9);
      }
    }
    ExploreFolder folder = new ExploreFolder(out, ExploreFolder.sweepJson(sweep), part, points);
    folder.write();
    ExploreOutput.print(folder, json);
    return ExitCodes.OK;
  }

  /** The sweep of the options, or a usage error naming the option. */
  private ExploreSweep sweep() {
    List<Fp8Format> f = list("--formats", formats, Fp8Format::parse);
    List<AccumulatorChoice> a = list("--acc", acc, AccumulatorChoice::parse);
    List<Integer> l =
        list(
            "--lanes",
            lanes,
            t -> {
              int v = Integer.parseInt(t);
              if (!LANES.contains(v)) {
                throw new IllegalArgumentException(v + " is not one of 1, 2, 4, 8, 16");
              }
              return v;
            });
    if (k < 1 || k > FmaArrayShape.MAX_MAX_K) {
      throw usage("--k", "K must be between 1 and " + FmaArrayShape.MAX_MAX_K + ", got " + k);
    }
    ExploreSweep s = new ExploreSweep(f, a, l, k, rows, cols, ExploreSweep.DEFAULT_SAMPLES);
    for (AccumulatorChoice c : a) {
      for (int lane : l) {
        try {
          c.shape(rows, cols, Fp8Format.E4M3, lane, s.maxK());
        } catch (BadParameterException e) {
          throw e.option().equals("--rows") || e.option().equals("--cols")
              ? new CommandLine.ParameterException(spec.commandLine(), e.getMessage())
              : usage("--acc", c + " at lanes " + lane + ": " + e.getMessage());
        } catch (IllegalArgumentException e) {
          throw usage("--acc", c + " at lanes " + lane + ": " + e.getMessage());
        }
      }
    }
    return s;
  }

  private <T> List<T> list(String option, String text, Function<String, T> parse) {
    Set<T> out = new LinkedHashSet<>();
    for (String t : text.split(",", -1)) {
      T v = option(option, t.strip(), parse);
      if (!out.add(v)) {
        throw usage(option, "'" + t.strip() + "' is given twice; list each once");
      }
    }
    return new ArrayList<>(out);
  }

  private <T> T option(String option, String text, Function<String, T> parse) {
    try {
      return parse.apply(text);
    } catch (NumberFormatException e) {
      throw usage(option, "'" + text + "' is not a whole number");
    } catch (IllegalArgumentException e) {
      throw usage(option, e.getMessage());
    }
  }

  private CommandLine.ParameterException usage(String option, String message) {
    return new CommandLine.ParameterException(
        spec.commandLine(), "option '" + option + "': " + message);
  }
}

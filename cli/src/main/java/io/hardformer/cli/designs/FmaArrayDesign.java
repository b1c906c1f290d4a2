package io.hardformer.cli.designs;

import io.hardformer.dsl.Module;
import io.hardformer.dsl.elaborate.Design;
import io.hardformer.generators.array.AccumulationMode;
import io.hardformer.generators.array.FmaArray;
import io.hardformer.generators.array.FmaArrayShape;
import io.hardformer.generators.fp8.FloatPacker;
import io.hardformer.generators.numerics.Fp8Format;
import io.hardformer.generators.area.AreaFigures;
import io.hardformer.generators.area.FmaArrayArea;
import io.hardformer.generators.area.UnitAreaTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "fma-array", mixinStandardHelpOptions = true,
    description = {"An R x C grid of FP8 multiply-accumulate cells computing Y = X . W for any K set at run time "
        + "(in_last marks the last beat). Each beat carries one row of W (w[8C-1:0]) and one column of X "
        + "(x[8R-1:0]); weights cross the stream once, with no weight buffer. Results leave one row of C values "
        + "per cycle on out[C*W-1:0] with out_valid and out_last, while the next matmul already runs.",
        "Cycles of one matmul: K + R + C + readout latency + 1 (exact figures in manifest.json)."},
    footer = {"", "Examples:",
        "  ./hardformer generate fma-array --rows 16 --cols 16 --format e4m3 --acc fp32 --out build/array",
        "  ./hardformer generate fma-array --rows 64 --cols 64 --format e5m2 --acc exact --out-format bf16 --out build/a64"})
final class FmaArrayDesign extends DesignCommand {
  @Option(names = "--rows", required = true, description = "R: rows of X and Y, 1..1024.")
  int rows;

  @Option(names = "--cols", required = true, description = "C: columns of W and Y, 1..1024.")
  int cols;

  @Option(names = "--format", required = true, description = "e4m3 or e5m2 (OCP OFP8).")
  String format;

  @Option(names = "--acc", required = true, description = "exact (wide fixed point, rounded once) or fp32 (IEEE "
      + "binary32, RNE after every product, k = 0..K-1).")
  String acc;

  @Option(names = "--out-format", defaultValue = "fp32", description = "fp32 or bf16 (default: ${DEFAULT-VALUE}).")
  String outFormat;

  @Option(names = "--max-k", defaultValue = "65536", description = "exact mode: the largest K the accumulator "
      + "holds without overflow, 1..16777216 (default: ${DEFAULT-VALUE}, every Llama-3 matmul).")
  int maxK;

  @Override
  Map<String, String> parameters() {
    Map<String, String> p = params("rows", rows, "cols", cols, "format", format.toLowerCase(), "acc",
        acc.toLowerCase(), "out-format", outFormat.toLowerCase());
    if (acc.equalsIgnoreCase("exact")) {
      p.put("max-k", String.valueOf(maxK));
    }
    return p;
  }

  @Override
  FmaArrayShape shape() {
    Fp8Format f = Fp8Format.parse(choice("--format", format, "e4m3", "e5m2"));
    AccumulationMode mode = AccumulationMode.parse(choice("--acc", acc, "exact", "fp32"));
    FloatPacker out = FloatPacker.parse(choice("--out-format", outFormat, "fp32", "bf16"));
    return new FmaArrayShape(range("--rows", rows, 1, FmaArrayShape.MAX_DIMENSION),
        range("--cols", cols, 1, FmaArrayShape.MAX_DIMENSION), f, mode, out, range("--max-k", maxK, 1, FmaArrayShape.MAX_MAX_K));
  }

  @Override
  Module build() {
    return new FmaArray(shape());
  }

  @Override
  boolean areaNeedsDesign() {
    return false;
  }

  @Override
  AreaFigures area(Design design, double density) {
    return FmaArrayArea.estimate(shape(), UnitAreaTable.bundled(), density);
  }

  @Override
  List<String> areaNotes(Design design, double density) {
    FmaArrayShape s = shape();
    UnitAreaTable table = UnitAreaTable.bundled();
    List<String> notes = new ArrayList<>();
    double cell = FmaArrayArea.cell(s, table).nand2();
    notes.add(String.format(Locale.ROOT, "one cell: %,.0f NAND2 eq = %,.0f transistors", cell, 4 * cell));
    for (Map.Entry<String, Double> e : FmaArrayArea.breakdown(s, table).entrySet()) {
      notes.add(String.format(Locale.ROOT, "%-22s %,.0f NAND2 eq", e.getKey(), e.getValue()));
    }
    return notes;
  }

  @Override
  Map<String, Object> manifestExtras(Design design) {
    return FmaArrayManifest.extras(shape());
  }
}

package io.hardformer.cli.explore;

import io.hardformer.generators.array.FmaArray;
import io.hardformer.generators.array.FmaArrayShape;
import io.hardformer.generators.numerics.Fp8Format;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The points of {@code explore fma-array}: every format x accumulator x lane count, in that nesting
 * order (formats outermost), as R x C arrays sized for depth K ({@code maxK = max(K, }{@value
 * FmaArray#DEFAULT_MAX_K}{@code )}, the area command's default). Errors are measured over {@code
 * samples x samples} outputs per input class.
 */
public record ExploreSweep(
    List<Fp8Format> formats,
    List<AccumulatorChoice> accumulators,
    List<Integer> lanes,
    int k,
    int rows,
    int cols,
    int samples) {
  /** Outputs per side of an accuracy sample (16 x 16 = 256 outputs per input class). */
  public static final int DEFAULT_SAMPLES = 16;

  public ExploreSweep {
    formats = List.copyOf(formats);
    accumulators = List.copyOf(accumulators);
    lanes = List.copyOf(lanes);
  }

  /** The array sizes the points are built for. */
  public int maxK() {
    return Math.max(k, FmaArray.DEFAULT_MAX_K);
  }

  /** One shape per point, index = position. */
  public List<FmaArrayShape> shapes() {
    List<FmaArrayShape> out = new ArrayList<>();
    for (Fp8Format f : formats) {
      for (AccumulatorChoice a : accumulators) {
        for (int l : lanes) {
          out.add(a.shape(rows, cols, f, l, maxK()));
        }
      }
    }
    return out;
  }

  /** The sweep as written into {@code sweep.json} (without the shard). */
  public Map<String, Object> toJson() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("formats", formats.stream().map(Fp8Format::cliName).toList());
    m.put("acc", accumulators.stream().map(AccumulatorChoice::toString).toList());
    m.put("lanes", lanes);
    m.put("k", k);
    m.put("rows", rows);
    m.put("cols", cols);
    m.put("samples", samples);
    m.put("points", formats.size() * accumulators.size() * lanes.size());
    return m;
  }
}

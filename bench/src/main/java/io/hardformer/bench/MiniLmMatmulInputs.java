package io.hardformer.bench;

import io.hardformer.generators.array.AccumulationAccuracy;
import io.hardformer.generators.array.AccumulationAccuracy.Errors;
import io.hardformer.generators.array.AccumulationMode;
import io.hardformer.generators.array.FmaArrayShape;
import io.hardformer.generators.numerics.Fp8Format;
import io.hardformer.models.golden.GoldenUnits;
import io.hardformer.models.minilm.MiniLmFp8Model;
import io.hardformer.models.minilm.MiniLmPipeline;
import io.hardformer.models.minilm.MiniLmTokenizer;
import io.hardformer.models.minilm.MiniLmWeightsReader;
import io.hardformer.models.minilm.SentenceSet;
import io.hardformer.models.units.MatmulRecorder;
import io.hardformer.models.units.MatmulRecorder.Matmul;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The third input class of the accumulator study: the FP8 activations and weights that enter
 * MiniLM's matmuls (all-MiniLM-L6-v2 on the golden units, FP32 array, the {@value #SENTENCES}
 * sentences of the accuracy set with the most tokens), with the model's K (384; 1536 for the FFN
 * down projection). Each of the 36 matmuls per sentence is sampled to at most {@value #ROWS} token
 * rows x {@value #COLS} output columns, evenly spaced.
 */
public final class MiniLmMatmulInputs {
  static final int SENTENCES = 2;
  static final int ROWS = 8;
  static final int COLS = 8;

  private final List<Matmul> matmuls;

  private MiniLmMatmulInputs(List<Matmul> matmuls) {
    this.matmuls = matmuls;
  }

  /** Runs the model in {@code f} and keeps the sampled matmul inputs. */
  public static MiniLmMatmulInputs capture(Fp8Format f) {
    MiniLmFp8Model model = MiniLmFp8Model.of(MiniLmWeightsReader.read(), f, 0, 0);
    List<Matmul> sampled = new ArrayList<>();
    try (MiniLmTokenizer tok = new MiniLmTokenizer()) {
      List<String> longest =
          SentenceSet.accuracySet().stream()
              .sorted(
                  Comparator.comparingInt((String t) -> tok.ids(t).length)
                      .reversed()
                      .thenComparing(Comparator.naturalOrder()))
              .limit(SENTENCES)
              .toList();
      for (String text : longest) {
        try (MatmulRecorder rec =
            new MatmulRecorder(new GoldenUnits(16, 16, f, AccumulationMode.FP32))) {
          new MiniLmPipeline(model, rec).embed(tok.ids(text));
          for (Matmul m : rec.matmuls()) {
            sampled.add(sample(m));
          }
        }
      }
    }
    return new MiniLmMatmulInputs(sampled);
  }

  /**
   * The error figures of a configuration (its format must be the captured one) over every sampled
   * output of the matmuls of depth K: maxima over all, RMS pooled by output count.
   */
  public Errors errors(FmaArrayShape config, int k) {
    double maxSum = 0;
    double sqSum = 0;
    double maxY = 0;
    double sqY = 0;
    int n = 0;
    for (Matmul m : matmuls) {
      if (m.depth() != k) {
        continue;
      }
      Errors e = AccumulationAccuracy.measure(config, m.x(), m.w());
      maxSum = Math.max(maxSum, e.maxRelSumAbs());
      maxY = Math.max(maxY, e.maxRelY());
      sqSum += e.rmsRelSumAbs() * e.rmsRelSumAbs() * e.outputs();
      sqY += e.rmsRelY() * e.rmsRelY() * e.outputs();
      n += e.outputs();
    }
    if (n == 0) {
      throw new IllegalArgumentException("MiniLM has no matmul of depth K = " + k);
    }
    return new Errors(maxSum, Math.sqrt(sqSum / n), maxY, Math.sqrt(sqY / n), n);
  }

  private static Matmul sample(Matmul m) {
    int t = m.x().length;
    int n = m.w()[0].length;
    int rows = Math.min(ROWS, t);
    int[][] x = new int[rows][];
    for (int i = 0; i < rows; i++) {
      x[i] = m.x()[i * t / rows];
    }
    int[][] w = new int[m.depth()][COLS];
    for (int k = 0; k < m.depth(); k++) {
      for (int j = 0; j < COLS; j++) {
        w[k][j] = m.w()[k][j * n / COLS];
      }
    }
    return new Matmul(m.what(), x, w);
  }
}

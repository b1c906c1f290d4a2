package io.hardformer.models.minilm;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hardformer.generators.array.AccumulationMode;
import io.hardformer.generators.numerics.Fp8Format;
import io.hardformer.models.golden.GoldenUnits;
import org.junit.jupiter.api.Test;

/** The FP8 pipeline in golden mode on a short sentence, against the FP32 reference. */
class MiniLmPipelineTest {
  @Test
  void goldenFp8EmbeddingIsAboveTheAccuracyTarget() {
    MiniLmWeights w = MiniLmWeightsReader.read();
    String text = "The quick brown fox jumps over the lazy dog.";
    try (MiniLmTokenizer tok = new MiniLmTokenizer();
        GoldenUnits units = new GoldenUnits(16, 16, Fp8Format.E4M3, AccumulationMode.FP32)) {
      MiniLmPipeline p = new MiniLmPipeline(MiniLmFp8Model.of(w, Fp8Format.E4M3, 0, 0), units);
      float[] e = p.embed(tok.ids(text));
      double cos = MiniLmReference.cosine(e, new MiniLmReference().fp32(text));
      System.err.println("cosine " + cos);
      assertTrue(cos >= 0.995, "cosine " + cos);
    }
  }
}

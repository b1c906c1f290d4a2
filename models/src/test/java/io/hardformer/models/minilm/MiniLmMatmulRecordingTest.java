package io.hardformer.models.minilm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.hardformer.generators.array.AccumulationMode;
import io.hardformer.generators.numerics.Fp8Format;
import io.hardformer.models.golden.GoldenUnits;
import io.hardformer.models.units.MatmulRecorder;
import io.hardformer.models.units.MatmulRecorder.Matmul;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link MatmulRecorder} on MiniLM: it changes nothing the model computes and keeps the inputs of
 * all six matmuls of each of the six layers, with the model's K (384, and 1536 for the FFN down
 * projection).
 */
class MiniLmMatmulRecordingTest {
  @Test
  void recordsEveryMatmulOfTheModelWithoutChangingIt() {
    MiniLmFp8Model model = MiniLmFp8Model.of(MiniLmWeightsReader.read(), Fp8Format.E4M3, 0, 0);
    int[] ids;
    try (MiniLmTokenizer tok = new MiniLmTokenizer()) {
      ids = tok.ids("Accumulators decide what an FP8 array costs.");
    }
    float[] direct;
    try (GoldenUnits units = new GoldenUnits(16, 16, Fp8Format.E4M3, AccumulationMode.FP32)) {
      direct = new MiniLmPipeline(model, units).embed(ids);
    }
    List<Matmul> matmuls;
    float[] recorded;
    try (MatmulRecorder rec =
        new MatmulRecorder(new GoldenUnits(16, 16, Fp8Format.E4M3, AccumulationMode.FP32))) {
      recorded = new MiniLmPipeline(model, rec).embed(ids);
      matmuls = rec.matmuls();
    }
    assertArrayEquals(direct, recorded);
    assertEquals(6 * MiniLmWeights.LAYERS, matmuls.size());
    long deep = matmuls.stream().filter(m -> m.depth() == MiniLmWeights.FFN).count();
    long shallow = matmuls.stream().filter(m -> m.depth() == MiniLmWeights.D_MODEL).count();
    assertEquals(MiniLmWeights.LAYERS, deep, "ffn_down matmuls (K = 1536)");
    assertEquals(5L * MiniLmWeights.LAYERS, shallow, "matmuls with K = 384");
    for (Matmul m : matmuls) {
      assertEquals(ids.length, m.x().length, m.what() + ": one activation row per token");
      assertEquals(m.depth(), m.x()[0].length, m.what() + ": x is tokens x K");
    }
  }
}

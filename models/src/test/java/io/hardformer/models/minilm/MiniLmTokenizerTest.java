package io.hardformer.models.minilm;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Our token ids are the reference's: the artifact's ONNX model run by onnxruntime on our ids, mean
 * pooled and normalized, gives the reference's embedding (a single different id would not).
 */
class MiniLmTokenizerTest {
  @Test
  void idsReproduceTheReferenceEmbeddingInOnnxruntime() throws Exception {
    MiniLmReference reference = new MiniLmReference();
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    byte[] model;
    try (InputStream in =
        getClass().getClassLoader().getResourceAsStream(MiniLmWeightsReader.MODEL_RESOURCE)) {
      model = in.readAllBytes();
    }
    try (MiniLmTokenizer tok = new MiniLmTokenizer();
        OrtSession session = env.createSession(model)) {
      for (String s :
          new String[] {
            "Hello",
            "In 2024, São Paulo's population exceeded 12,000,000 people!",
            "def add(a, b): return a + b  # naïve café — ünïcödé",
            "π ≈ 3.14159, e ≈ 2.71828, and √2 ≈ 1.41421.",
            "SELECT name FROM users WHERE id=42;"
          }) {
        int[] ids = tok.ids(s);
        float[] ref = reference.fp32(s);
        double same = MiniLmReference.cosine(embed(env, session, ids), ref);
        assertTrue(same > 1 - 1e-6, s + ": cosine " + same);
        int[] other = ids.clone();
        other[1] = other[1] == 1996 ? 1997 : 1996; // one different id
        double differs = MiniLmReference.cosine(embed(env, session, other), ref);
        assertTrue(differs < 1 - 1e-6, s + ": one changed id still gives cosine " + differs);
      }
    }
  }

  private static float[] embed(OrtEnvironment env, OrtSession session, int[] ids) throws Exception {
    long[][] in = {Arrays.stream(ids).asLongStream().toArray()};
    long[][] mask = {new long[ids.length]};
    Arrays.fill(mask[0], 1);
    long[][] types = {new long[ids.length]};
    try (OnnxTensor a = OnnxTensor.createTensor(env, in);
        OnnxTensor b = OnnxTensor.createTensor(env, mask);
        OnnxTensor c = OnnxTensor.createTensor(env, types);
        OrtSession.Result r =
            session.run(Map.of("input_ids", a, "attention_mask", b, "token_type_ids", c))) {
      float[][] h = ((float[][][]) r.get(0).getValue())[0];
      double[] pooled = new double[h[0].length];
      for (float[] row : h) {
        for (int i = 0; i < row.length; i++) {
          pooled[i] += row[i] / (double) h.length;
        }
      }
      return MiniLmFp32.normalize(pooled);
    }
  }
}

package io.hardformer.models.minilm;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;

/**
 * The references the FP8 model is measured against, both from the publisher's artifacts run by
 * onnxruntime: the FP32 model ({@code AllMiniLmL6V2EmbeddingModel}) and the INT8 model ({@code
 * AllMiniLmL6V2QuantizedEmbeddingModel}). Both return the mean-pooled, L2-normalized embedding (384
 * floats). Each model is loaded on first use.
 */
public final class MiniLmReference {
  private EmbeddingModel fp32;
  private EmbeddingModel int8;

  /** The FP32 reference embedding. */
  public synchronized float[] fp32(String text) {
    if (fp32 == null) {
      fp32 = new AllMiniLmL6V2EmbeddingModel();
    }
    return fp32.embed(text).content().vector();
  }

  /** The publisher's INT8 model's embedding. */
  public synchronized float[] int8(String text) {
    if (int8 == null) {
      int8 = new AllMiniLmL6V2QuantizedEmbeddingModel();
    }
    return int8.embed(text).content().vector();
  }

  /** Cosine similarity of two vectors, in double. */
  public static double cosine(float[] a, float[] b) {
    double dot = 0;
    double na = 0;
    double nb = 0;
    for (int i = 0; i < a.length; i++) {
      dot += (double) a[i] * b[i];
      na += (double) a[i] * a[i];
      nb += (double) b[i] * b[i];
    }
    return dot / Math.sqrt(na * nb);
  }
}

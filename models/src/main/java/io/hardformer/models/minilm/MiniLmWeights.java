package io.hardformer.models.minilm;

import java.util.List;

/**
 * The FP32 weights of all-MiniLM-L6-v2 as read from its ONNX file. Matmul weights are {@code
 * [in][out]} (y = x . W, the layout of the ONNX MatMul operands); embeddings are {@code [id][384]}.
 */
public record MiniLmWeights(
    float[][] wordEmbeddings,
    float[][] positionEmbeddings,
    float[][] tokenTypeEmbeddings,
    Norm embeddingNorm,
    float layerNormEpsilon,
    List<Layer> layers) {

  public static final int D_MODEL = 384;
  public static final int HEADS = 12;
  public static final int HEAD_DIM = 32;
  public static final int FFN = 1536;
  public static final int LAYERS = 6;
  public static final int MAX_POSITIONS = 512;
  public static final int VOCABULARY = 30522;

  /** A LayerNorm's scale and shift. */
  public record Norm(float[] gamma, float[] beta) {}

  /** A dense layer: y = x . w + bias, w {@code [in][out]}. */
  public record Dense(float[][] w, float[] bias) {}

  /** One encoder layer (post-LayerNorm BERT). */
  public record Layer(
      Dense query,
      Dense key,
      Dense value,
      Dense attentionOutput,
      Norm attentionNorm,
      Dense ffnUp,
      Dense ffnDown,
      Norm outputNorm) {}
}

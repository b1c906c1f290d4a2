package io.hardformer.throughput;

/**
 * How a unit's cycles per token grow from the decoder layer they were measured on to another
 * model's layer (both {@link ModelShape}s; only the per-layer fields matter):
 *
 * <ul>
 *   <li>{@link #MATMUL_FLOPS}: the FMA array's cycles scale with the layer's matmul FLOPs (the same
 *       array, the same tiling losses per FLOP);
 *   <li>{@link #HEADS_TIMES_CONTEXT}: the attention unit streams one key per cycle, one step per
 *       query head and token: cycles scale with heads x context;
 *   <li>{@link #HEADS}: the attention unit's context-independent cycles per step (its finish: the
 *       divide, rounding and output of the step), one step per query-head group and token: cycles
 *       scale with heads at a fixed group size;
 *   <li>{@link #MODEL_WIDTH}: normalization touches d_model elements per token;
 *   <li>{@link #ROTARY_WIDTH}: RoPE rotates (heads + kv heads) x head_dim elements per token;
 *   <li>{@link #FFN_WIDTH}: SwiGLU touches d_ff elements per token;
 *   <li>{@link #VECTOR_ELEMENTS}: the vector unit dequantizes every projection's output (d + 2 kv x
 *       hd + d + 2 d_ff + d), requantizes the attention output (d) and adds two residuals (2 d).
 * </ul>
 */
public enum UnitScaling {
  MATMUL_FLOPS,
  HEADS_TIMES_CONTEXT,
  HEADS,
  MODEL_WIDTH,
  ROTARY_WIDTH,
  FFN_WIDTH,
  VECTOR_ELEMENTS;

  /** The per-token work of one layer of {@code m} at {@code context}, in this rule's units. */
  public double work(ModelShape m, double context) {
    double d = m.dModel();
    double kv = (double) m.kvHeads() * m.headDim();
    return switch (this) {
      case MATMUL_FLOPS -> 2.0 * m.layerMatmulParameters();
      case HEADS_TIMES_CONTEXT -> (double) m.heads() * context;
      case HEADS -> m.heads();
      case MODEL_WIDTH -> d;
      case ROTARY_WIDTH -> (double) (m.heads() + m.kvHeads()) * m.headDim();
      case FFN_WIDTH -> m.dFf();
      case VECTOR_ELEMENTS -> 6 * d + 2 * kv + 2.0 * m.dFf();
    };
  }
}

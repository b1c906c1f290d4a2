package io.hardformer.models.llama;

import io.hardformer.generators.attention.AttentionShape;
import io.hardformer.generators.catalog.BadParameterException;
import io.hardformer.generators.catalog.ParameterCheck;

/**
 * The size of one Llama-3 decoder layer run by {@code run-layer llama}: model width, query heads,
 * key/value heads (grouped-query attention), FFN width, prefill length and decode steps. The checks
 * name the option that is wrong; the product of prefill and decode steps must stay within the
 * attention unit's headroom of 2^{@value AttentionShape#LOG2_MAX_S} keys per step.
 */
public record LlamaLayerShape(
    int dModel, int heads, int kvHeads, int ffn, int seq, int decodeSteps) {
  /** Widest model accepted (Llama-3-405B is 16,384). */
  public static final int MAX_D_MODEL = 16384;

  /** Widest FFN accepted (Llama-3-405B is 53,248). */
  public static final int MAX_FFN = 65536;

  /** Most heads accepted (Llama-3-405B has 128). */
  public static final int MAX_HEADS = 256;

  public LlamaLayerShape {
    ParameterCheck.range("--d-model", dModel, 2, MAX_D_MODEL);
    ParameterCheck.range("--heads", heads, 1, MAX_HEADS);
    ParameterCheck.range("--kv-heads", kvHeads, 1, MAX_HEADS);
    ParameterCheck.range("--ffn", ffn, 1, MAX_FFN);
    int maxKeys = 1 << AttentionShape.LOG2_MAX_S;
    ParameterCheck.range("--seq", seq, 1, maxKeys);
    ParameterCheck.range("--decode-steps", decodeSteps, 0, maxKeys - seq);
    if (dModel % heads != 0) {
      throw new BadParameterException(
          "--d-model",
          "option '--d-model' ("
              + dModel
              + ") must be a multiple of '--heads' ("
              + heads
              + "): each head takes d-model / heads elements");
    }
    if (heads % kvHeads != 0) {
      throw new BadParameterException(
          "--kv-heads",
          "option '--kv-heads' ("
              + kvHeads
              + ") must divide '--heads' ("
              + heads
              + "): each key/value head serves the same number of query heads");
    }
    if ((dModel / heads) % 2 != 0) {
      throw new BadParameterException(
          "--heads",
          "the head dimension d-model / heads = "
              + dModel / heads
              + " must be even: rotary embedding rotates pairs of elements");
    }
  }

  public int headDim() {
    return dModel / heads;
  }

  /** Query heads per key/value head. */
  public int group() {
    return heads / kvHeads;
  }

  /** Tokens the layer sees in all: the prefill plus one per decode step. */
  public int positions() {
    return seq + decodeSteps;
  }
}

package io.hardformer.models.minilm;

import io.hardformer.models.minilm.MiniLmFp8Model.FpNorm;
import io.hardformer.models.minilm.MiniLmFp8Model.Layer;
import io.hardformer.models.units.Activations;
import io.hardformer.models.units.TransformerUnits;
import java.util.Arrays;

/**
 * all-MiniLM-L6-v2 in FP8 on {@link TransformerUnits}: the host moves data between unit calls and
 * does no arithmetic except the final mean pooling and L2 normalization (the dataflow is in
 * docs/MODELS.md). Embedding rows are table lookups (data movement); their sum runs on the vector
 * unit.
 */
public final class MiniLmPipeline {
  private static final int D = MiniLmWeights.D_MODEL;
  private static final int HD = MiniLmWeights.HEAD_DIM;

  private final MiniLmFp8Model model;
  private final TransformerUnits units;
  private long macs;

  public MiniLmPipeline(MiniLmFp8Model model, TransformerUnits units) {
    this.model = model;
    this.units = units;
  }

  /** Multiply-accumulates the matmuls did so far (for the FMA array's utilization). */
  public long macs() {
    return macs;
  }

  /** The last LayerNorm's FP32 output, tokens x 384, for {@code ids} ([CLS] ... [SEP]). */
  public int[][] hidden(int[] ids) {
    int t = ids.length;
    int[][] word = new int[t][];
    int[][] pos = new int[t][];
    int[][] type = new int[t][];
    for (int i = 0; i < t; i++) {
      word[i] = model.wordEmbeddings()[ids[i]];
      pos[i] = model.positionEmbeddings()[i];
      type[i] = model.tokenTypeEmbeddings()[0];
    }
    int[] zero = new int[D];
    Activations sum = units.vector("embeddings.add_position", word, zero, pos, 0);
    sum = units.vector("embeddings.add_type", sum.fp32(), zero, type, 0);
    Activations h = norm("embeddings.norm", sum, model.embeddingNorm());
    for (int l = 0; l < model.layers().size(); l++) {
      h = layer("layer" + l + ".", model.layers().get(l), h, t);
    }
    return h.fp32();
  }

  /** The mean-pooled (host), L2-normalized (host) embedding. */
  public float[] embed(int[] ids) {
    int[][] h = hidden(ids);
    double[] pooled = new double[D];
    for (int[] row : h) {
      for (int c = 0; c < D; c++) {
        pooled[c] += Float.intBitsToFloat(row[c]) / (double) h.length;
      }
    }
    return MiniLmFp32.normalize(pooled);
  }

  private Activations layer(String p, Layer l, Activations h, int t) {
    int[] keys = new int[t];
    Arrays.fill(keys, t);
    int[] zero = new int[D];
    Activations q = dense(p + "q", h.fp8(), l.query(), 0, 0);
    Activations k = dense(p + "k", h.fp8(), l.key(), 0, 0);
    Activations v = dense(p + "v", h.fp8(), l.value(), 0, model.valueQexp());
    int[][] context = new int[t][D];
    for (int head = 0; head < MiniLmWeights.HEADS; head++) {
      int[][] o =
          units.attention(
              p + "attention.head" + head,
              columns(q.fp8(), head),
              columns(k.fp8(), head),
              columns(v.fp8(), head),
              keys);
      for (int i = 0; i < t; i++) {
        System.arraycopy(o[i], 0, context[i], head * HD, HD);
      }
    }
    int[] vScale = new int[D];
    Arrays.fill(vScale, model.valueQexp());
    Activations ctx =
        units.vector(p + "context.requant", context, vScale, new int[t][D], model.contextQexp());
    Activations attn =
        dense(p + "attention_output", ctx.fp8(), l.attentionOutput(), model.contextQexp(), 0);
    Activations res = units.vector(p + "attention.residual", attn.fp32(), zero, h.fp32(), 0);
    h = norm(p + "attention.norm", res, l.attentionNorm());
    Activations up = dense(p + "ffn_up", h.fp8(), l.ffnUp(), 0, 0);
    Activations g = units.gelu(p + "gelu", up.fp32());
    Activations down = dense(p + "ffn_down", g.fp8(), l.ffnDown(), 0, 0);
    res = units.vector(p + "ffn.residual", down.fp32(), zero, h.fp32(), 0);
    return norm(p + "output.norm", res, l.outputNorm());
  }

  /** matmul on the array, then dequantization (input and per-channel weight exponents) + bias. */
  private Activations dense(String what, int[][] x8, Fp8Dense d, int inQexp, int outQexp) {
    int[][] y = units.matmul(what, x8, d.w8());
    macs += (long) x8.length * d.w8().length * d.w8()[0].length;
    int[] scale = new int[d.exp().length];
    for (int n = 0; n < scale.length; n++) {
      scale[n] = d.exp()[n] + inQexp;
    }
    int[][] bias = new int[x8.length][];
    Arrays.fill(bias, d.bias());
    return units.vector(what + ".dequant_bias", y, scale, bias, outQexp);
  }

  private Activations norm(String what, Activations x, FpNorm n) {
    return units.layerNorm(what, x.fp32(), n.gamma(), n.beta());
  }

  private static int[][] columns(int[][] x, int head) {
    int[][] out = new int[x.length][];
    for (int i = 0; i < x.length; i++) {
      out[i] = Arrays.copyOfRange(x[i], head * HD, head * HD + HD);
    }
    return out;
  }
}

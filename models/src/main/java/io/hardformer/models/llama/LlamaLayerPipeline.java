package io.hardformer.models.llama;

import io.hardformer.generators.numerics.Fp8Format;
import io.hardformer.models.quantization.Fp8Weights;
import io.hardformer.models.units.Activations;
import io.hardformer.models.units.TransformerUnits;

/**
 * One Llama-3 decoder layer run on generated units: prefill of {@code seq} tokens, then {@code
 * decodeSteps} single-token steps against the key/value cache the host keeps. The host only moves
 * data (slices heads, keeps the cache, broadcasts zero addends); every arithmetic step is a unit
 * call:
 *
 * <pre>
 * x -> rmsnorm -> matmul Wq, Wk, Wv -> vector (dequant) -> rope (q, k) -> attention per query head
 *   -> vector (requant) -> matmul Wo -> vector (dequant) -> vector (+ x) = h
 * h -> rmsnorm -> matmul W1, W3 -> vector (dequant) -> swiglu -> matmul W2 -> vector (dequant)
 *   -> vector (+ h) = out
 * </pre>
 *
 * Labels in the cycle ledger are {@code prefill.<step>} and {@code decode<i>.<step>}.
 */
public final class LlamaLayerPipeline {
  private final LlamaLayerShape shape;
  private final TransformerUnits units;
  private final int[] attentionNorm;
  private final int[] ffnNorm;
  private final Fp8Weights wq;
  private final Fp8Weights wk;
  private final Fp8Weights wv;
  private final Fp8Weights wo;
  private final Fp8Weights w1;
  private final Fp8Weights w3;
  private final Fp8Weights w2;

  /** FP8 codes of the cached keys (after RoPE) and values, {@code [position][kvHeads * D]}. */
  private final int[][] keyCache;

  private final int[][] valueCache;

  public LlamaLayerPipeline(
      LlamaLayerShape shape, LlamaLayerWeights w, Fp8Format format, TransformerUnits units) {
    this.shape = shape;
    this.units = units;
    this.attentionNorm = fp32(w.attentionNorm());
    this.ffnNorm = fp32(w.ffnNorm());
    this.wq = Fp8Weights.of(format, w.wq());
    this.wk = Fp8Weights.of(format, w.wk());
    this.wv = Fp8Weights.of(format, w.wv());
    this.wo = Fp8Weights.of(format, w.wo());
    this.w1 = Fp8Weights.of(format, w.w1());
    this.w3 = Fp8Weights.of(format, w.w3());
    this.w2 = Fp8Weights.of(format, w.w2());
    this.keyCache = new int[shape.positions()][];
    this.valueCache = new int[shape.positions()][];
  }

  /** The layer's output for every position, prefill then decode steps, as FP32 bits. */
  public int[][] run(double[][] inputs) {
    int[][] out = new int[shape.positions()][];
    int[][] prefill = forward("prefill", fp32(inputs, 0, shape.seq()), 0);
    System.arraycopy(prefill, 0, out, 0, shape.seq());
    for (int i = 0; i < shape.decodeSteps(); i++) {
      int pos = shape.seq() + i;
      out[pos] = forward("decode" + (i + 1), fp32(inputs, pos, pos + 1), pos)[0];
    }
    return out;
  }

  /** Rows {@code first .. first + x.length - 1} through the layer. */
  private int[][] forward(String phase, int[][] x, int first) {
    int rows = x.length;
    int dim = shape.headDim();
    int[] positions = new int[rows];
    for (int t = 0; t < rows; t++) {
      positions[t] = first + t;
    }
    Activations n1 = units.rmsNorm(phase + ".attention_norm", x, attentionNorm);
    int[][] q = projection(phase + ".q_proj", n1.fp8(), wq).fp32();
    int[][] k = projection(phase + ".k_proj", n1.fp8(), wk).fp32();
    int[][] v = projection(phase + ".v_proj", n1.fp8(), wv).fp8();
    int[][] q8 = new int[rows][shape.dModel()];
    for (int h = 0; h < shape.heads(); h++) {
      place(q8, units.rope(phase + ".rope_q", columns(q, h * dim, dim), positions).fp8(), h * dim);
    }
    int[][] k8 = new int[rows][shape.kvHeads() * dim];
    for (int h = 0; h < shape.kvHeads(); h++) {
      place(k8, units.rope(phase + ".rope_k", columns(k, h * dim, dim), positions).fp8(), h * dim);
    }
    for (int t = 0; t < rows; t++) {
      keyCache[first + t] = k8[t];
      valueCache[first + t] = v[t];
    }
    int known = first + rows;
    int[] keys = new int[rows];
    for (int t = 0; t < rows; t++) {
      keys[t] = first + t + 1; // causal: position p attends 0..p
    }
    int[][] attention = new int[rows][shape.dModel()];
    for (int h = 0; h < shape.heads(); h++) {
      int kvBase = (h / shape.group()) * dim;
      int[][] kh = new int[known][];
      int[][] vh = new int[known][];
      for (int p = 0; p < known; p++) {
        kh[p] = java.util.Arrays.copyOfRange(keyCache[p], kvBase, kvBase + dim);
        vh[p] = java.util.Arrays.copyOfRange(valueCache[p], kvBase, kvBase + dim);
      }
      int[][] o = units.attention(phase + ".attention", columns(q8, h * dim, dim), kh, vh, keys);
      place(attention, o, h * dim);
    }
    int[][] attention8 =
        units
            .vector(
                phase + ".attention_requant",
                attention,
                new int[shape.dModel()],
                new int[rows][shape.dModel()],
                0)
            .fp8();
    int[][] o = projection(phase + ".o_proj", attention8, wo).fp32();
    int[][] h = units.vector(phase + ".residual1", o, new int[shape.dModel()], x, 0).fp32();
    Activations n2 = units.rmsNorm(phase + ".ffn_norm", h, ffnNorm);
    int[][] gate = projection(phase + ".ffn_gate", n2.fp8(), w1).fp32();
    int[][] up = projection(phase + ".ffn_up", n2.fp8(), w3).fp32();
    int[][] act = units.swiglu(phase + ".swiglu", gate, up).fp8();
    int[][] down = projection(phase + ".ffn_down", act, w2).fp32();
    return units.vector(phase + ".residual2", down, new int[shape.dModel()], h, 0).fp32();
  }

  /** A bias-free projection: the array's FP32 result, dequantized per column on the vector unit. */
  private Activations projection(String what, int[][] x8, Fp8Weights w) {
    int[][] y = units.matmul(what, x8, w.codes());
    return units.vector(what + "_dequant", y, w.scaleExp(), new int[y.length][y[0].length], 0);
  }

  private static int[][] columns(int[][] a, int from, int count) {
    int[][] s = new int[a.length][];
    for (int t = 0; t < a.length; t++) {
      s[t] = java.util.Arrays.copyOfRange(a[t], from, from + count);
    }
    return s;
  }

  private static void place(int[][] into, int[][] part, int at) {
    for (int t = 0; t < into.length; t++) {
      System.arraycopy(part[t], 0, into[t], at, part[t].length);
    }
  }

  private static int[] fp32(double[] v) {
    int[] bits = new int[v.length];
    for (int i = 0; i < v.length; i++) {
      bits[i] = Float.floatToRawIntBits((float) v[i]);
    }
    return bits;
  }

  private static int[][] fp32(double[][] rows, int from, int to) {
    int[][] bits = new int[to - from][];
    for (int t = from; t < to; t++) {
      bits[t - from] = fp32(rows[t]);
    }
    return bits;
  }
}

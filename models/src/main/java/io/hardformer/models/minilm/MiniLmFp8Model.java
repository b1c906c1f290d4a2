package io.hardformer.models.minilm;

import io.hardformer.generators.numerics.Fp8Format;
import io.hardformer.models.minilm.MiniLmWeights.Norm;
import java.util.ArrayList;
import java.util.List;

/**
 * all-MiniLM-L6-v2 prepared for the units at load time: every dense layer as {@link Fp8Dense}
 * (per-output-channel power-of-two scales), embeddings and LayerNorm parameters as FP32 bits, and
 * the activations' static per-tensor exponents ({@code qexp}: the FP8 code holds y . 2^-qexp).
 */
public record MiniLmFp8Model(
    Fp8Format format,
    int[][] wordEmbeddings,
    int[][] positionEmbeddings,
    int[][] tokenTypeEmbeddings,
    FpNorm embeddingNorm,
    List<Layer> layers,
    int valueQexp,
    int contextQexp) {

  /** A LayerNorm's gamma and beta as FP32 bits. */
  public record FpNorm(int[] gamma, int[] beta) {
    static FpNorm of(Norm n) {
      return new FpNorm(bits(n.gamma()), bits(n.beta()));
    }
  }

  /** One encoder layer, prepared. */
  public record Layer(
      Fp8Dense query,
      Fp8Dense key,
      Fp8Dense value,
      Fp8Dense attentionOutput,
      FpNorm attentionNorm,
      Fp8Dense ffnUp,
      Fp8Dense ffnDown,
      FpNorm outputNorm) {}

  /**
   * The conversion with per-tensor activation exponents: V's ({@code valueQexp}, the attention
   * output is rescaled by it) and the attention context's ({@code contextQexp}, the O-projection's
   * input). Q and K stay at 0: the attention unit's scores take them as they are.
   */
  public static MiniLmFp8Model of(MiniLmWeights w, Fp8Format f, int valueQexp, int contextQexp) {
    List<Layer> layers = new ArrayList<>();
    for (MiniLmWeights.Layer l : w.layers()) {
      layers.add(
          new Layer(
              Fp8Dense.of(l.query(), f),
              Fp8Dense.of(l.key(), f),
              Fp8Dense.of(l.value(), f),
              Fp8Dense.of(l.attentionOutput(), f),
              FpNorm.of(l.attentionNorm()),
              Fp8Dense.of(l.ffnUp(), f),
              Fp8Dense.of(l.ffnDown(), f),
              FpNorm.of(l.outputNorm())));
    }
    return new MiniLmFp8Model(
        f,
        bits(w.wordEmbeddings()),
        bits(w.positionEmbeddings()),
        bits(w.tokenTypeEmbeddings()),
        FpNorm.of(w.embeddingNorm()),
        layers,
        valueQexp,
        contextQexp);
  }

  static int[] bits(float[] v) {
    int[] out = new int[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = Float.floatToRawIntBits(v[i]);
    }
    return out;
  }

  static int[][] bits(float[][] v) {
    int[][] out = new int[v.length][];
    for (int i = 0; i < v.length; i++) {
      out[i] = bits(v[i]);
    }
    return out;
  }
}

package io.hardformer.models.llama;

import java.util.SplittableRandom;

/**
 * Seeded random weights and inputs of one Llama-3 decoder layer with Llama-like statistics:
 *
 * <ul>
 *   <li>projections {@code wq, wk, wv, wo, w1 (gate), w3 (up), w2 (down)}: Gaussian with standard
 *       deviation 1/sqrt(fan-in), so every projection keeps its input's scale, as trained layers
 *       roughly do; stored {@code [in][out]};
 *   <li>RMSNorm scales: |N(1, 0.25)|, as trained norms spread around 1;
 *   <li>inputs (the residual stream entering the layer): N(0, 1) per element, with 1 channel in 64
 *       an outlier channel scaled by 20, like the massive activations of trained LLMs.
 * </ul>
 *
 * The same seed gives the same layer on every machine ({@link SplittableRandom} is specified).
 */
public record LlamaLayerWeights(
    double[] attentionNorm,
    double[][] wq,
    double[][] wk,
    double[][] wv,
    double[][] wo,
    double[] ffnNorm,
    double[][] w1,
    double[][] w3,
    double[][] w2,
    double[][] inputs) {

  /** Outlier channels: every {@value}-th channel of the input. */
  public static final int OUTLIER_EVERY = 64;

  /** How much larger an outlier channel is. */
  public static final double OUTLIER_SCALE = 20;

  public static LlamaLayerWeights random(LlamaLayerShape s, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    int d = s.dModel();
    int kv = s.kvHeads() * s.headDim();
    double[] attentionNorm = norm(r, d);
    double[][] wq = matrix(r, d, d);
    double[][] wk = matrix(r, d, kv);
    double[][] wv = matrix(r, d, kv);
    double[][] wo = matrix(r, d, d);
    double[] ffnNorm = norm(r, d);
    double[][] w1 = matrix(r, d, s.ffn());
    double[][] w3 = matrix(r, d, s.ffn());
    double[][] w2 = matrix(r, s.ffn(), d);
    double[][] inputs = new double[s.positions()][d];
    for (double[] row : inputs) {
      for (int c = 0; c < d; c++) {
        row[c] = gaussian(r) * (c % OUTLIER_EVERY == OUTLIER_EVERY / 2 ? OUTLIER_SCALE : 1);
      }
    }
    return new LlamaLayerWeights(attentionNorm, wq, wk, wv, wo, ffnNorm, w1, w3, w2, inputs);
  }

  private static double[] norm(SplittableRandom r, int n) {
    double[] g = new double[n];
    for (int i = 0; i < n; i++) {
      g[i] = Math.abs(1 + 0.25 * gaussian(r));
    }
    return g;
  }

  private static double[][] matrix(SplittableRandom r, int in, int out) {
    double sd = 1 / Math.sqrt(in);
    double[][] w = new double[in][out];
    for (double[] row : w) {
      for (int j = 0; j < out; j++) {
        row[j] = sd * gaussian(r);
      }
    }
    return w;
  }

  /** A standard normal deviate by Box-Muller (deterministic, unlike Random's cached pair). */
  private static double gaussian(SplittableRandom r) {
    double u = 1 - r.nextDouble();
    double v = r.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }
}

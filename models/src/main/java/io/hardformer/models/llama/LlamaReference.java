package io.hardformer.models.llama;

/**
 * The Llama-3 decoder layer in double precision, from the unquantized weights: the yardstick the
 * FP8 layer on generated units is measured against. Pre-norm: {@code h = x + Wo . attention(
 * RoPE(Wq . n1), RoPE(Wk . n1), Wv . n1)} with {@code n1 = RMSNorm(x)}, then {@code out = h + W2 .
 * (SiLU(W1 . n2) * W3 . n2)} with {@code n2 = RMSNorm(h)}. Causal: position t attends positions
 * 0..t (the prefill rows, then each decode step's one new row against all earlier ones). RoPE in
 * the Hugging Face convention (element i pairs with i + D/2).
 */
public final class LlamaReference {
  /** Llama-3's RMSNorm epsilon. */
  public static final double EPS = 1e-5;

  /** Llama-3's rotary base. */
  public static final double THETA = 500000;

  private LlamaReference() {}

  /** The layer's output for every position, prefill then decode steps: {@code [positions][d]}. */
  public static double[][] run(LlamaLayerShape s, LlamaLayerWeights w) {
    int n = s.positions();
    int dim = s.headDim();
    double[][] x = w.inputs();
    double[][] n1 = new double[n][];
    for (int t = 0; t < n; t++) {
      n1[t] = rmsNorm(x[t], w.attentionNorm());
    }
    double[][] q = matmul(n1, w.wq());
    double[][] k = matmul(n1, w.wk());
    double[][] v = matmul(n1, w.wv());
    for (int t = 0; t < n; t++) {
      for (int h = 0; h < s.heads(); h++) {
        rope(q[t], h * dim, dim, t);
      }
      for (int h = 0; h < s.kvHeads(); h++) {
        rope(k[t], h * dim, dim, t);
      }
    }
    double[][] attn = new double[n][s.dModel()];
    double scale = 1 / Math.sqrt(dim);
    for (int h = 0; h < s.heads(); h++) {
      int kvBase = (h / s.group()) * dim;
      for (int t = 0; t < n; t++) {
        double[] logits = new double[t + 1];
        double max = Double.NEGATIVE_INFINITY;
        for (int u = 0; u <= t; u++) {
          double dot = 0;
          for (int d = 0; d < dim; d++) {
            dot += q[t][h * dim + d] * k[u][kvBase + d];
          }
          logits[u] = dot * scale;
          max = Math.max(max, logits[u]);
        }
        double sum = 0;
        for (int u = 0; u <= t; u++) {
          logits[u] = Math.exp(logits[u] - max);
          sum += logits[u];
        }
        for (int d = 0; d < dim; d++) {
          double o = 0;
          for (int u = 0; u <= t; u++) {
            o += logits[u] * v[u][kvBase + d];
          }
          attn[t][h * dim + d] = o / sum;
        }
      }
    }
    double[][] h = add(x, matmul(attn, w.wo()));
    double[][] n2 = new double[n][];
    for (int t = 0; t < n; t++) {
      n2[t] = rmsNorm(h[t], w.ffnNorm());
    }
    double[][] gate = matmul(n2, w.w1());
    double[][] up = matmul(n2, w.w3());
    for (int t = 0; t < n; t++) {
      for (int c = 0; c < s.ffn(); c++) {
        double g = gate[t][c];
        gate[t][c] = g / (1 + Math.exp(-g)) * up[t][c];
      }
    }
    return add(h, matmul(gate, w.w2()));
  }

  static double[] rmsNorm(double[] x, double[] gamma) {
    double ss = 0;
    for (double e : x) {
      ss += e * e;
    }
    double r = 1 / Math.sqrt(ss / x.length + EPS);
    double[] y = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      y[i] = x[i] * r * gamma[i];
    }
    return y;
  }

  /** Rotates {@code x[base .. base+dim)} in place for position {@code pos}. */
  static void rope(double[] x, int base, int dim, int pos) {
    int half = dim / 2;
    for (int i = 0; i < half; i++) {
      double a = pos * Math.pow(THETA, -2.0 * i / dim);
      double c = Math.cos(a);
      double sn = Math.sin(a);
      double x0 = x[base + i];
      double x1 = x[base + i + half];
      x[base + i] = x0 * c - x1 * sn;
      x[base + i + half] = x1 * c + x0 * sn;
    }
  }

  static double[][] matmul(double[][] x, double[][] w) {
    int n = w[0].length;
    double[][] y = new double[x.length][n];
    for (int t = 0; t < x.length; t++) {
      double[] yt = y[t];
      for (int k = 0; k < w.length; k++) {
        double a = x[t][k];
        double[] wk = w[k];
        for (int j = 0; j < n; j++) {
          yt[j] += a * wk[j];
        }
      }
    }
    return y;
  }

  static double[][] add(double[][] a, double[][] b) {
    double[][] y = new double[a.length][a[0].length];
    for (int t = 0; t < a.length; t++) {
      for (int c = 0; c < a[0].length; c++) {
        y[t][c] = a[t][c] + b[t][c];
      }
    }
    return y;
  }
}

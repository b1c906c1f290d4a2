package io.hardformer.models.minilm;

import io.hardformer.models.golden.Erf;
import io.hardformer.models.minilm.MiniLmWeights.Dense;
import io.hardformer.models.minilm.MiniLmWeights.Layer;
import io.hardformer.models.minilm.MiniLmWeights.Norm;

/**
 * A plain double-precision forward pass of all-MiniLM-L6-v2 from the ONNX weights: the proof that
 * the weight mapping, the tokenization and the structure (post-LayerNorm BERT, erf GELU, mean
 * pooling, L2 normalization) are those of the reference.
 */
public final class MiniLmFp32 {
  private final MiniLmWeights w;

  public MiniLmFp32(MiniLmWeights weights) {
    this.w = weights;
  }

  /** The mean-pooled, L2-normalized embedding of one sentence's ids ([CLS] ... [SEP]). */
  public float[] embed(int[] ids) {
    int t = ids.length;
    int d = MiniLmWeights.D_MODEL;
    double[][] h = new double[t][d];
    for (int i = 0; i < t; i++) {
      for (int c = 0; c < d; c++) {
        h[i][c] =
            (double) w.wordEmbeddings()[ids[i]][c]
                + w.positionEmbeddings()[i][c]
                + w.tokenTypeEmbeddings()[0][c];
      }
    }
    h = norm(h, w.embeddingNorm());
    for (Layer l : w.layers()) {
      double[][] q = dense(h, l.query());
      double[][] k = dense(h, l.key());
      double[][] v = dense(h, l.value());
      double[][] ctx = new double[t][d];
      int hd = MiniLmWeights.HEAD_DIM;
      for (int head = 0; head < MiniLmWeights.HEADS; head++) {
        int o = head * hd;
        for (int i = 0; i < t; i++) {
          double[] s = new double[t];
          double max = Double.NEGATIVE_INFINITY;
          for (int j = 0; j < t; j++) {
            double dot = 0;
            for (int c = 0; c < hd; c++) {
              dot += q[i][o + c] * k[j][o + c];
            }
            s[j] = dot / Math.sqrt(hd);
            max = Math.max(max, s[j]);
          }
          double sum = 0;
          for (int j = 0; j < t; j++) {
            s[j] = Math.exp(s[j] - max);
            sum += s[j];
          }
          for (int j = 0; j < t; j++) {
            for (int c = 0; c < hd; c++) {
              ctx[i][o + c] += s[j] / sum * v[j][o + c];
            }
          }
        }
      }
      h = norm(add(dense(ctx, l.attentionOutput()), h), l.attentionNorm());
      double[][] up = dense(h, l.ffnUp());
      for (double[] row : up) {
        for (int c = 0; c < row.length; c++) {
          row[c] = Erf.gelu(row[c]);
        }
      }
      h = norm(add(dense(up, l.ffnDown()), h), l.outputNorm());
    }
    double[] pooled = new double[d];
    for (double[] row : h) {
      for (int c = 0; c < d; c++) {
        pooled[c] += row[c] / t;
      }
    }
    return normalize(pooled);
  }

  /** L2 normalization of a mean-pooled vector, as the reference does it. */
  static float[] normalize(double[] v) {
    double n = 0;
    for (double x : v) {
      n += x * x;
    }
    n = Math.sqrt(n);
    float[] out = new float[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = (float) (v[i] / n);
    }
    return out;
  }

  private static double[][] dense(double[][] x, Dense layer) {
    int out = layer.bias().length;
    double[][] y = new double[x.length][out];
    for (int i = 0; i < x.length; i++) {
      double[] yi = y[i];
      for (int c = 0; c < out; c++) {
        yi[c] = layer.bias()[c];
      }
      for (int k = 0; k < x[i].length; k++) {
        double xk = x[i][k];
        float[] wk = layer.w()[k];
        for (int c = 0; c < out; c++) {
          yi[c] += xk * wk[c];
        }
      }
    }
    return y;
  }

  private static double[][] add(double[][] a, double[][] b) {
    double[][] y = new double[a.length][a[0].length];
    for (int i = 0; i < a.length; i++) {
      for (int c = 0; c < a[i].length; c++) {
        y[i][c] = a[i][c] + b[i][c];
      }
    }
    return y;
  }

  private double[][] norm(double[][] x, Norm n) {
    double[][] y = new double[x.length][];
    for (int i = 0; i < x.length; i++) {
      y[i] = layerNorm(x[i], n.gamma(), n.beta(), w.layerNormEpsilon());
    }
    return y;
  }

  /** LayerNorm of one row in double: (x - mean) / sqrt(var + eps) . gamma + beta. */
  public static double[] layerNorm(double[] x, float[] gamma, float[] beta, double eps) {
    double mean = 0;
    for (double v : x) {
      mean += v;
    }
    mean /= x.length;
    double var = 0;
    for (double v : x) {
      var += (v - mean) * (v - mean);
    }
    var /= x.length;
    double inv = 1 / Math.sqrt(var + eps);
    double[] y = new double[x.length];
    for (int c = 0; c < x.length; c++) {
      y[c] = (x[c] - mean) * inv * gamma[c] + beta[c];
    }
    return y;
  }
}

package io.hardformer.models.minilm;

import java.util.List;

/**
 * Top-1 retrieval agreement over a sentence set: for each sentence, its nearest neighbour (highest
 * cosine, itself excluded) among the set's embeddings by one model, compared with the nearest
 * neighbour by the reference model. The fraction of sentences whose neighbours agree.
 */
public final class RetrievalAgreement {
  private RetrievalAgreement() {}

  public static double top1(List<float[]> embeddings, List<float[]> reference) {
    if (embeddings.size() != reference.size() || embeddings.size() < 2) {
      throw new IllegalArgumentException("need two equal sets of at least two embeddings");
    }
    int agree = 0;
    for (int i = 0; i < embeddings.size(); i++) {
      if (nearest(embeddings, i) == nearest(reference, i)) {
        agree++;
      }
    }
    return (double) agree / embeddings.size();
  }

  /** The index of the set member nearest to member {@code i}, other than i (first on ties). */
  public static int nearest(List<float[]> set, int i) {
    int best = -1;
    double bestCos = Double.NEGATIVE_INFINITY;
    for (int j = 0; j < set.size(); j++) {
      if (j != i) {
        double c = MiniLmReference.cosine(set.get(i), set.get(j));
        if (c > bestCos) {
          bestCos = c;
          best = j;
        }
      }
    }
    return best;
  }
}

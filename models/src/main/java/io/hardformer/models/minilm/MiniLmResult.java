package io.hardformer.models.minilm;

import io.hardformer.models.units.CycleLedger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One sentence through the FP8 model: its tokens, the embedding (mean pooling and L2 normalization
 * done by the host), the FP32 reference and INT8 anchor embeddings, the unit calls it made and the
 * matmuls' multiply-accumulates.
 */
public record MiniLmResult(
    String text,
    String[] tokens,
    float[] embedding,
    float[] reference,
    float[] int8,
    List<CycleLedger.Entry> calls,
    long macs) {

  public static final String FMA_ARRAY = "fma-array";

  public double cosine() {
    return MiniLmReference.cosine(embedding, reference);
  }

  public double int8Cosine() {
    return MiniLmReference.cosine(int8, reference);
  }

  /** Cycles of all unit calls, one after another. */
  public long totalCycles() {
    return calls.stream().mapToLong(CycleLedger.Entry::cycles).sum();
  }

  /** Cycles of the FMA array's calls. */
  public long arrayCycles() {
    return calls.stream()
        .filter(e -> e.unit().equals(FMA_ARRAY))
        .mapToLong(CycleLedger.Entry::cycles)
        .sum();
  }

  /** MACs over (R x C FMAs x the array's cycles): the fraction of FMA-cycles doing real work. */
  public double fmaUtilization(int rows, int cols) {
    long c = arrayCycles();
    return c == 0 ? 0 : (double) macs / ((double) rows * cols * c);
  }

  /** Tokens per second with every unit call one after another at {@code clockGhz}. */
  public double tokensPerSecond(double clockGhz) {
    return tokens.length / (totalCycles() / (clockGhz * 1e9));
  }

  /**
   * Cycles by layer ({@code embeddings}, {@code layer0} .. {@code layer5}: the label's first part)
   * and by unit, in call order.
   */
  public Map<String, Map<String, Long>> cyclesByLayer() {
    Map<String, Map<String, Long>> out = new LinkedHashMap<>();
    for (CycleLedger.Entry e : calls) {
      String what = e.what();
      int dot = what.indexOf('.');
      String layer = dot < 0 ? what : what.substring(0, dot);
      out.computeIfAbsent(layer, k -> new LinkedHashMap<>()).merge(e.unit(), e.cycles(), Long::sum);
    }
    return out;
  }
}

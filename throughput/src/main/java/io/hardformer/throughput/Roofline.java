package io.hardformer.throughput;

/**
 * An analytic roofline of offline decoder inference (MLPerf-offline style, tokens counted input +
 * output). Per tensor-parallel group of {@code tp} chips, a batch of B requests runs a prefill of B
 * x L_in tokens, then L_out decode steps of B tokens. Each phase takes the largest of three times:
 * compute (FLOPs over tp x peak x utilization), HBM (weights read once per pass plus KV-cache
 * traffic, per chip, over bandwidth x utilization) and interconnect (two ring all-reduces of the
 * d_model activations per layer and token, BF16, 2(tp-1)/tp of the data per chip). Attention FLOPs
 * and KV reads use the average context of the phase (exact for these linear terms). Groups work
 * independently: tokens/s = chips/tp x B x (L_in + L_out) / (prefill + decode time).
 *
 * <p>A chip with dedicated attention engines (a generated tile) spends its matmul peak on the
 * matmul FLOPs only (2 x matmul parameters per token), and attention costs the engines' own cycles
 * (see {@link AttentionEngine}). The two run concurrently on separate hardware, so a phase's
 * compute time is the larger of the two.
 */
public final class Roofline {
  private Roofline() {}

  /** Which resource bounds a phase. */
  public enum Bound {
    COMPUTE,
    MEMORY,
    INTERCONNECT
  }

  /**
   * One phase: its three times, the bound, FLOPs and HBM bytes per chip, and the attention engines'
   * time (0 without engines; computeSeconds already includes it as max(matmul, attention)). {@code
   * peakFlops} are the FLOPs that run at the chip's compute peak: all of them, or the matmul FLOPs
   * when attention has its own engines.
   */
  public record Phase(
      double computeSeconds,
      double memorySeconds,
      double linkSeconds,
      double flops,
      double hbmBytesPerChip,
      double attentionSeconds,
      double peakFlops) {
    public double seconds() {
      return Math.max(computeSeconds, Math.max(memorySeconds, linkSeconds));
    }

    public Bound bound() {
      double s = seconds();
      return s == computeSeconds
          ? Bound.COMPUTE
          : s == memorySeconds ? Bound.MEMORY : Bound.INTERCONNECT;
    }

    /** FLOPs at the compute peak per HBM byte per chip: the x of a roofline plot. */
    public double intensity(int tp) {
      return peakFlops / tp / hbmBytesPerChip;
    }

    /**
     * FLOP/s at the compute peak achieved per chip over the phase: the y of a roofline plot (never
     * above its roof).
     */
    public double achievedFlopsPerSecond(int tp) {
      return peakFlops / tp / seconds();
    }
  }

  /** The estimate: phases, batch used, throughput and whether it fits. */
  public record Estimate(
      Workload workload,
      Chip chip,
      int batch,
      int maxBatch,
      Phase prefill,
      Phase decode,
      double tokensPerSecond) {
    public boolean fits() {
      return maxBatch >= 1;
    }

    /** The resource that bounds the whole run: the one holding the most time. */
    public Bound binding() {
      double[] t = new double[3];
      for (Phase p : new Phase[] {prefill, decode}) {
        t[p.bound().ordinal()] += p.seconds();
      }
      int best = 0;
      for (int i = 1; i < 3; i++) {
        if (t[i] > t[best]) {
          best = i;
        }
      }
      return Bound.values()[best];
    }

    /** Achieved FLOP/s per chip over the run. */
    public double flopsPerChip() {
      Workload w = workload;
      return tokensPerSecond
          / (w.inputTokens() + w.outputTokens())
          / batch
          * (prefill.flops + decode.flops)
          / w.chips();
    }

    /** HBM bytes per second per chip over the run. */
    public double hbmBytesPerSecondPerChip() {
      return (prefill.hbmBytesPerChip + decode.hbmBytesPerChip)
          / (prefill.seconds() + decode.seconds());
    }
  }

  /**
   * The largest batch per tensor-parallel group whose weights and KV cache fit in HBM (0: the
   * weights do not fit).
   */
  public static int maxBatch(Workload w, Chip c) {
    double weightsPerChip = w.model().parameters() * w.weightBytes() / w.tp();
    double kvPerSequencePerChip =
        (w.inputTokens() + w.outputTokens()) * w.model().kvBytesPerToken(w.kvBytes()) / w.tp();
    double free = c.hbmBytes() - weightsPerChip;
    return free <= 0
        ? 0
        : (int) Math.min(Integer.MAX_VALUE, Math.floor(free / kvPerSequencePerChip));
  }

  public static Estimate estimate(Workload w, Chip c) {
    int max = maxBatch(w, c);
    int b = w.batch() > 0 ? w.batch() : Math.max(1, max);
    ModelShape m = w.model();
    int tp = w.tp();
    double weightRead = m.matmulParameters() * w.weightBytes() / tp;
    double kvToken = m.kvBytesPerToken(w.kvBytes()) / tp;
    double linkPerToken =
        tp == 1 ? 0 : (double) m.layers() * 2 * m.dModel() * 2 * 2.0 * (tp - 1) / tp;
    double peak = tp * c.flops() * w.computeUtilization();
    double bw = c.hbmBytesPerSecond() * w.bandwidthUtilization();

    int lin = w.inputTokens();
    double prefillTokens = (double) b * lin;
    double prefillFlops = prefillTokens * m.flopsPerToken((lin - 1) / 2.0);
    // weights once; KV written once; attention reads the cache as it grows (average half the prompt
    // per token)
    double prefillBytes = weightRead + prefillTokens * kvToken;
    double prefillAttention = attentionSeconds(m, c, prefillTokens, (lin - 1) / 2.0, tp);
    Phase prefill =
        new Phase(
            computeSeconds(m, c, prefillTokens, prefillFlops, peak, prefillAttention),
            prefillBytes / bw,
            prefillTokens * linkPerToken / c.linkBytesPerSecond(),
            prefillFlops,
            prefillBytes,
            prefillAttention,
            peakFlops(m, c, prefillTokens, prefillFlops));

    int lout = w.outputTokens();
    double ctx = lin + (lout - 1) / 2.0;
    double stepFlops = b * m.flopsPerToken(ctx);
    double stepBytes = weightRead + b * ctx * kvToken + b * kvToken;
    double decodeAttention = attentionSeconds(m, c, (double) lout * b, ctx, tp);
    Phase decode =
        new Phase(
            computeSeconds(m, c, (double) lout * b, lout * stepFlops, peak, decodeAttention),
            lout * stepBytes / bw,
            lout * b * linkPerToken / c.linkBytesPerSecond(),
            lout * stepFlops,
            lout * stepBytes,
            decodeAttention,
            peakFlops(m, c, (double) lout * b, lout * stepFlops));

    double seconds = prefill.seconds() + decode.seconds();
    double tokens = (double) b * (lin + lout) * (w.chips() / tp);
    return new Estimate(w, c, b, max, prefill, decode, tokens / seconds);
  }

  /** Without attention engines all FLOPs run on the peak; with them, the matmul FLOPs only. */
  private static double peakFlops(ModelShape m, Chip c, double tokens, double flops) {
    return c.attention().isEmpty() ? flops : tokens * 2.0 * m.matmulParameters();
  }

  /**
   * Without attention engines all FLOPs run on the peak; with them, max(matmul FLOPs / peak,
   * attention time).
   */
  private static double computeSeconds(
      ModelShape m, Chip c, double tokens, double flops, double peak, double attention) {
    return Math.max(peakFlops(m, c, tokens, flops) / peak, attention);
  }

  /**
   * Seconds the tp chips' attention engines take for {@code tokens} attending to {@code context} (0
   * without).
   */
  private static double attentionSeconds(
      ModelShape m, Chip c, double tokens, double context, int tp) {
    return c.attention().isEmpty() ? 0 : tokens / (tp * c.attentionTokensPerSecond(m, context));
  }
}

package io.hardformer.throughput;

/**
 * What is served and on how many chips: the model, bytes per weight and per KV element (1 for FP8),
 * requests of {@code inputTokens} + {@code outputTokens} in batches of {@code batch} sequences per
 * tensor-parallel group (0: the largest batch that fits in HBM), {@code chips} in groups of {@code
 * tp}, and the fraction of peak compute and bandwidth achieved.
 */
public record Workload(
    ModelShape model,
    double weightBytes,
    double kvBytes,
    int batch,
    int inputTokens,
    int outputTokens,
    int chips,
    int tp,
    double computeUtilization,
    double bandwidthUtilization) {

  public Workload {
    if (chips < 1 || tp < 1 || chips % tp != 0) {
      throw new IllegalArgumentException(
          "chips must be a positive multiple of the tensor-parallel degree, got "
              + chips
              + " chips, tp "
              + tp);
    }
    if (inputTokens < 1 || outputTokens < 0 || batch < 0) {
      throw new IllegalArgumentException("input tokens must be >= 1, output tokens and batch >= 0");
    }
    if (computeUtilization <= 0
        || computeUtilization > 1
        || bandwidthUtilization <= 0
        || bandwidthUtilization > 1) {
      throw new IllegalArgumentException("utilization factors must be in (0, 1]");
    }
  }

  /**
   * Etched's benchmark conditions: FP8, 2048 in / 128 out, 8 chips, 8-way tensor parallel, full
   * batch.
   */
  public static Workload claimConditions(ModelShape model) {
    return new Workload(model, 1, 1, 0, 2048, 128, 8, 8, 1, 1);
  }

  public Workload withBatch(int b) {
    return new Workload(
        model,
        weightBytes,
        kvBytes,
        b,
        inputTokens,
        outputTokens,
        chips,
        tp,
        computeUtilization,
        bandwidthUtilization);
  }

  public Workload withChips(int c, int t) {
    return new Workload(
        model,
        weightBytes,
        kvBytes,
        batch,
        inputTokens,
        outputTokens,
        c,
        t,
        computeUtilization,
        bandwidthUtilization);
  }

  public Workload withUtilization(double compute, double bandwidth) {
    return new Workload(
        model,
        weightBytes,
        kvBytes,
        batch,
        inputTokens,
        outputTokens,
        chips,
        tp,
        compute,
        bandwidth);
  }
}

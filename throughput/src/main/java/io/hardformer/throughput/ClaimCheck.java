package io.hardformer.throughput;

import java.util.ArrayList;
import java.util.List;

/**
 * What the published Llama-3-70B serving claims mean against the roofline: Etched's 500,000
 * tokens/s on 8 Sohu chips, and NVIDIA's 8xH100 TensorRT-LLM figures, at 2048 input / 128 output
 * tokens, FP8, 8-way tensor parallel, tokens counted input + output.
 */
public final class ClaimCheck {
  public static final double SOHU_CLAIM_TOKENS_PER_SECOND = 500_000;
  public static final String SOHU_SOURCE =
      "Etched, 'Etched is making the biggest bet in AI' (etched.com, June 2024)";
  public static final double H100_TRTLLM_010 = 23_000;
  public static final String H100_TRTLLM_010_SOURCE =
      "Etched's comparison: 8xH100, TensorRT-LLM 0.10.08 (~23K tok/s)";
  public static final double H100_TRTLLM_10 = 51_800;
  public static final String H100_TRTLLM_10_SOURCE =
      "NVIDIA TensorRT-LLM 1.0 performance overview "
          + "(nvidia.github.io/TensorRT-LLM), 8xH100, 2048/128";
  public static final double FMA_CLOCK_HZ = 2e9;
  public static final double TRANSISTORS_PER_FMA = 10_000;

  private ClaimCheck() {}

  /** One line of the analysis. */
  public record Finding(String what, double value, String unit, String how) {}

  /**
   * Average forward FLOPs per token over one request (prefill at half the prompt, decode at the
   * prompt plus half the output).
   */
  public static double averageFlopsPerToken(ModelShape m, int in, int out) {
    double prefill = in * m.flopsPerToken((in - 1) / 2.0);
    double decode = out * m.flopsPerToken(in + (out - 1) / 2.0);
    return (prefill + decode) / (in + out);
  }

  /** Average FLOPs per token of Llama-3-70B at the claim's 2048 in / 128 out. */
  public static double claimFlopsPerToken() {
    Workload w = Workload.claimConditions(ModelShape.LLAMA_3_70B);
    return averageFlopsPerToken(w.model(), w.inputTokens(), w.outputTokens());
  }

  /**
   * FLOP/s per chip the claim needs: 500,000 tok/s x FLOPs per token / 8 chips (the sohu-claim
   * preset's compute).
   */
  public static double sohuClaimFlopsPerChip() {
    return SOHU_CLAIM_TOKENS_PER_SECOND
        * claimFlopsPerToken()
        / Workload.claimConditions(ModelShape.LLAMA_3_70B).chips();
  }

  public static List<Finding> analyze() {
    ModelShape m = ModelShape.LLAMA_3_70B;
    Workload w = Workload.claimConditions(m);
    List<Finding> f = new ArrayList<>();
    double flopsPerToken = claimFlopsPerToken();
    f.add(
        new Finding(
            "Llama-3-70B parameters",
            m.parameters(),
            "",
            "layers x (2d^2 + 2d.kv.hd + 3d.d_ff) + 2 x vocab x d"));
    f.add(
        new Finding(
            "FLOPs per token (2048/128 average)",
            flopsPerToken,
            "FLOP",
            "2 x matmul parameters + 4 x layers x heads x hd x context"));
    double perChip = sohuClaimFlopsPerChip();
    f.add(
        new Finding(
            "Sohu claim: FLOP/s per chip",
            perChip,
            "FLOP/s",
            "500,000 tok/s x FLOPs per token / 8 chips"));
    double fmas = perChip / (2 * FMA_CLOCK_HZ);
    f.add(
        new Finding(
            "Sohu claim: FMAs per chip at 2 GHz",
            fmas,
            "FMAs",
            "FLOP/s / (2 x 2 GHz), at 100% utilization"));
    f.add(
        new Finding(
            "Sohu claim: FMA transistor budget per chip",
            fmas * TRANSISTORS_PER_FMA,
            "transistors",
            "FMAs x ~10,000 transistors per FMA (Etched)"));
    f.add(
        new Finding(
            "Sohu claim: vs H100 dense FP8 peak",
            perChip / Chip.H100_SXM.flops(),
            "x",
            String.format(
                java.util.Locale.ROOT,
                "FLOP/s per chip / %,.0f TFLOP/s",
                Chip.H100_SXM.flops() / 1e12)));
    Roofline.Estimate sohu = Roofline.estimate(w, Chip.SOHU_CLAIM);
    double scale = SOHU_CLAIM_TOKENS_PER_SECOND / sohu.tokensPerSecond();
    f.add(
        new Finding(
            "Sohu claim: HBM traffic per chip",
            sohu.hbmBytesPerSecondPerChip() * scale,
            "B/s",
            "roofline at batch "
                + sohu.batch()
                + " ("
                + sohu.binding().name().toLowerCase()
                + "-bound), weights read once per "
                + "pass + KV cache, scaled to 500K tok/s"));
    double linkPerToken = (double) m.layers() * 2 * m.dModel() * 2 * 2.0 * (w.tp() - 1) / w.tp();
    double linkTraffic = SOHU_CLAIM_TOKENS_PER_SECOND * linkPerToken;
    f.add(
        new Finding(
            "Sohu claim: all-reduce traffic per chip",
            linkTraffic,
            "B/s",
            String.format(
                java.util.Locale.ROOT,
                "2 BF16 all-reduces of d_model per layer and token, %d-way ring: %s the "
                    + "sohu-claim chip's %,.0f GB/s link",
                w.tp(),
                linkTraffic > Chip.SOHU_CLAIM.linkBytesPerSecond() ? "more than" : "within",
                Chip.SOHU_CLAIM.linkBytesPerSecond() / 1e9)));
    f.add(
        new Finding(
            "Sohu claim: roofline of the sohu-claim chip",
            sohu.tokensPerSecond(),
            "tok/s",
            "bound by " + sohu.binding().name().toLowerCase() + " at batch " + sohu.batch()));
    Roofline.Estimate h100 = Roofline.estimate(w, Chip.H100_SXM);
    f.add(
        new Finding(
            "8xH100 roofline (100% of peak)",
            h100.tokensPerSecond(),
            "tok/s",
            "bound by " + h100.binding().name().toLowerCase() + " at batch " + h100.batch()));
    f.add(
        new Finding(
            "8xH100 TensorRT-LLM 0.10 (~23K) as share of roofline",
            H100_TRTLLM_010 / h100.tokensPerSecond(),
            "",
            H100_TRTLLM_010_SOURCE));
    f.add(
        new Finding(
            "8xH100 TensorRT-LLM 1.0 (~51.8K) as share of roofline",
            H100_TRTLLM_10 / h100.tokensPerSecond(),
            "",
            H100_TRTLLM_10_SOURCE));
    f.add(
        new Finding(
            "Sohu claim vs 8xH100 roofline",
            SOHU_CLAIM_TOKENS_PER_SECOND / h100.tokensPerSecond(),
            "x",
            "500,000 / H100 roofline: the claim needs this many H100-peaks of compute per chip"));
    return f;
  }
}

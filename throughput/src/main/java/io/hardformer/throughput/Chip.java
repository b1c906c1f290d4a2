package io.hardformer.throughput;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An accelerator as the roofline sees it, at one precision: dense peak FLOP/s of its matmul
 * datapath at that precision (or matmul FMAs x 2 x clock), HBM bandwidth and capacity, the per-chip
 * interconnect bandwidth, each with its source, and its dedicated attention engines (none on a GPU:
 * there attention FLOPs run on the matmul peak). Presets carry a peak per precision ({@link
 * #preset(String, Precision)}).
 */
public record Chip(
    String name,
    double flops,
    String flopsSource,
    double hbmBytesPerSecond,
    String hbmSource,
    double hbmBytes,
    String capacitySource,
    double linkBytesPerSecond,
    String linkSource,
    List<AttentionEngine> attention) {

  static final String H100_DATASHEET =
      "NVIDIA H100 Tensor Core GPU datasheet (nvidia.com/en-us/data-center/h100)";
  static final String H200_DATASHEET =
      "NVIDIA H200 Tensor Core GPU datasheet (nvidia.com/en-us/data-center/h200)";

  public static final Chip H100_SXM =
      new Chip(
          "h100-sxm",
          1979e12,
          H100_DATASHEET + ": 1,979 TFLOP/s dense FP8 (3,958 with sparsity)",
          3.35e12,
          H100_DATASHEET + ": HBM3 3.35 TB/s",
          80e9,
          H100_DATASHEET + ": 80 GB",
          900e9,
          H100_DATASHEET + ": NVLink 900 GB/s");
  public static final Chip H200 =
      new Chip(
          "h200",
          1979e12,
          H200_DATASHEET + ": 1,979 TFLOP/s dense FP8 (same compute as H100 SXM)",
          4.8e12,
          H200_DATASHEET + ": HBM3e 4.8 TB/s",
          141e9,
          H200_DATASHEET + ": 141 GB",
          900e9,
          H200_DATASHEET + ": NVLink 900 GB/s");

  /**
   * What Etched's claim implies, not a datasheet: compute is what 500,000 tokens/s of Llama-3-70B
   * on 8 chips needs at 2048/128 ({@link ClaimCheck#sohuClaimFlopsPerChip()}); memory as an
   * H200-class HBM3e part.
   */
  public static final Chip SOHU_CLAIM =
      new Chip(
          "sohu-claim",
          ClaimCheck.sohuClaimFlopsPerChip(),
          String.format(
              Locale.ROOT,
              "derived: 500,000 tok/s x %.1f GFLOP/token / 8 chips (%s)",
              ClaimCheck.claimFlopsPerToken() / 1e9,
              ClaimCheck.SOHU_SOURCE),
          4.8e12,
          "assumption: H200-class HBM3e (Etched publishes 144 GB HBM3e, not the bandwidth)",
          144e9,
          "Etched product page (etched.com, June 2024): 144 GB HBM3e per chip",
          900e9,
          "assumption: NVLink-class 900 GB/s (not published)");

  public Chip {
    attention = List.copyOf(attention);
  }

  /** A chip without attention engines (attention FLOPs run on the matmul peak). */
  public Chip(
      String name,
      double flops,
      String flopsSource,
      double hbmBytesPerSecond,
      String hbmSource,
      double hbmBytes,
      String capacitySource,
      double linkBytesPerSecond,
      String linkSource) {
    this(
        name,
        flops,
        flopsSource,
        hbmBytesPerSecond,
        hbmSource,
        hbmBytes,
        capacitySource,
        linkBytesPerSecond,
        linkSource,
        List.of());
  }

  /** The presets at FP8, the precision of the published claims. */
  public static List<Chip> presets() {
    return presets(Precision.FP8);
  }

  /** The presets with their peak at {@code p}. */
  public static List<Chip> presets(Precision p) {
    List<Chip> l = new ArrayList<>();
    for (Chip c : List.of(H100_SXM, H200, SOHU_CLAIM)) {
      l.add(c.atPrecision(p));
    }
    return l;
  }

  public static Chip preset(String name) {
    return preset(name, Precision.FP8);
  }

  /** The preset named {@code name} with its dense peak at {@code p}. */
  public static Chip preset(String name, Precision p) {
    for (Chip c : presets(p)) {
      if (c.name.equalsIgnoreCase(name)) {
        return c;
      }
    }
    throw new IllegalArgumentException(
        "unknown chip '" + name + "'; presets: h100-sxm, h200, sohu-claim");
  }

  /** A preset's peak at {@code p}: the FP8 figures above, or the BF16 ones with their sources. */
  private Chip atPrecision(Precision p) {
    if (p == Precision.FP8) {
      return this;
    }
    switch (name) {
      case "h100-sxm":
        return withFlops(989e12, H100_DATASHEET + ": 989 TFLOP/s dense BF16 (1,979 with sparsity)");
      case "h200":
        return withFlops(
            989e12, H200_DATASHEET + ": 989 TFLOP/s dense BF16 (same compute as H100 SXM)");
      default:
        return withFlops(
            flops / 2,
            "assumption: half the FP8 peak, as on H100 and H200 (Etched publishes FP8 "
                + "figures only); FP8: "
                + flopsSource);
    }
  }

  /** A chip from a count of matmul FMAs and a clock: 2 FLOP per FMA per cycle. */
  public static Chip fromFmas(
      String name, double fmas, double clockHz, String source, Chip memoryLike) {
    return new Chip(
        name,
        2 * fmas * clockHz,
        source
            + ": "
            + String.format(Locale.ROOT, "%,.0f", fmas)
            + " matmul FMAs x 2 x "
            + clockHz / 1e9
            + " GHz",
        memoryLike.hbmBytesPerSecond,
        memoryLike.hbmSource,
        memoryLike.hbmBytes,
        memoryLike.capacitySource,
        memoryLike.linkBytesPerSecond,
        memoryLike.linkSource);
  }

  public Chip withFlops(double f, String source) {
    return new Chip(
        name,
        f,
        source,
        hbmBytesPerSecond,
        hbmSource,
        hbmBytes,
        capacitySource,
        linkBytesPerSecond,
        linkSource,
        attention);
  }

  public Chip withMemory(double bytesPerSecond, double bytes, String source) {
    return new Chip(
        name,
        flops,
        flopsSource,
        bytesPerSecond,
        source,
        bytes,
        source,
        linkBytesPerSecond,
        linkSource,
        attention);
  }

  public Chip withLink(double bytesPerSecond, String source) {
    return new Chip(
        name,
        flops,
        flopsSource,
        hbmBytesPerSecond,
        hbmSource,
        hbmBytes,
        capacitySource,
        bytesPerSecond,
        source,
        attention);
  }

  /**
   * This chip with dedicated attention engines: attention then costs their cycles, not matmul
   * FLOPs.
   */
  public Chip withAttention(List<AttentionEngine> engines) {
    return new Chip(
        name,
        flops,
        flopsSource,
        hbmBytesPerSecond,
        hbmSource,
        hbmBytes,
        capacitySource,
        linkBytesPerSecond,
        linkSource,
        engines);
  }

  /** Tokens per second the attention engines sustain at {@code context} (0 without engines). */
  public double attentionTokensPerSecond(ModelShape m, double context) {
    double t = 0;
    for (AttentionEngine e : attention) {
      t += e.tokensPerSecond(m, context);
    }
    return t;
  }
}

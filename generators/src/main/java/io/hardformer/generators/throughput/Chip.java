package io.hardformer.generators.throughput;

import java.util.List;

/**
 * An accelerator as the roofline sees it: dense FLOP/s at the chosen precision (or FMAs x 2 x clock), HBM
 * bandwidth and capacity, and the per-chip interconnect bandwidth, each with its source.
 */
public record Chip(String name, double flops, String flopsSource, double hbmBytesPerSecond, String hbmSource,
    double hbmBytes, String capacitySource, double linkBytesPerSecond, String linkSource) {

  public static final Chip H100_SXM = new Chip("h100-sxm", 1979e12,
      "NVIDIA H100 datasheet: 1,979 TFLOP/s dense FP8 (3,958 with sparsity)", 3.35e12,
      "NVIDIA H100 datasheet: HBM3 3.35 TB/s", 80e9, "NVIDIA H100 datasheet: 80 GB",
      900e9, "NVIDIA H100 datasheet: NVLink 900 GB/s");
  public static final Chip H200 = new Chip("h200", 1979e12,
      "NVIDIA H200 datasheet: 1,979 TFLOP/s dense FP8 (same compute as H100 SXM)", 4.8e12,
      "NVIDIA H200 datasheet: HBM3e 4.8 TB/s", 141e9, "NVIDIA H200 datasheet: 141 GB",
      900e9, "NVIDIA H200 datasheet: NVLink 900 GB/s");
  /**
   * What Etched's claim implies, not a datasheet: compute set to what 500,000 tokens/s of Llama-3-70B on 8
   * chips needs at 2048/128 (see {@link ClaimCheck}); memory as an H200-class HBM3e part.
   */
  public static final Chip SOHU_CLAIM = new Chip("sohu-claim", 8.9e15,
      "derived: 500,000 tok/s x 141.4 GFLOP/token / 8 chips (Etched, June 2024), rounded up", 4.8e12,
      "assumption: H200-class HBM3e (Etched publishes 144 GB HBM3e, not the bandwidth)", 144e9,
      "Etched product page (June 2024): 144 GB HBM3e per chip", 900e9,
      "assumption: NVLink-class 900 GB/s (not published)");

  public static List<Chip> presets() {
    return List.of(H100_SXM, H200, SOHU_CLAIM);
  }

  public static Chip preset(String name) {
    for (Chip c : presets()) {
      if (c.name.equalsIgnoreCase(name)) {
        return c;
      }
    }
    throw new IllegalArgumentException("unknown chip '" + name + "'; presets: h100-sxm, h200, sohu-claim");
  }

  /** A chip from an FMA count and clock: 2 FLOP per FMA per cycle. */
  public static Chip fromFmas(String name, double fmas, double clockHz, String source, Chip memoryLike) {
    return new Chip(name, 2 * fmas * clockHz, source + ": " + String.format("%,.0f", fmas) + " FMAs x 2 x "
        + clockHz / 1e9 + " GHz", memoryLike.hbmBytesPerSecond, memoryLike.hbmSource, memoryLike.hbmBytes,
        memoryLike.capacitySource, memoryLike.linkBytesPerSecond, memoryLike.linkSource);
  }

  public Chip withFlops(double f, String source) {
    return new Chip(name, f, source, hbmBytesPerSecond, hbmSource, hbmBytes, capacitySource, linkBytesPerSecond, linkSource);
  }

  public Chip withMemory(double bytesPerSecond, double bytes, String source) {
    return new Chip(name, flops, flopsSource, bytesPerSecond, source, bytes, source, linkBytesPerSecond, linkSource);
  }

  public Chip withLink(double bytesPerSecond, String source) {
    return new Chip(name, flops, flopsSource, hbmBytesPerSecond, hbmSource, hbmBytes, capacitySource, bytesPerSecond, source);
  }
}

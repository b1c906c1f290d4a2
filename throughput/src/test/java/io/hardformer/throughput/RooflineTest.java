package io.hardformer.throughput;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The roofline against cases worked by hand, and the published model shapes against their known
 * sizes.
 */
class RooflineTest {
  /** 1 layer, d = 2, 1 head of 2, d_ff = 4, vocab 2: 40 + 4 matmul weights, 4 embedding weights. */
  static final ModelShape TOY = new ModelShape("toy", 1, 2, 1, 1, 2, 4, 2, "hand-made");

  static final Chip TOY_CHIP = new Chip("toy", 1000, "", 100, "", 1000, "", 1e9, "");

  @Test
  void toyModelCountsByHand() {
    assertEquals(40, TOY.layerMatmulParameters()); // 2x2x2 (Q, O) + 2x2x1x2 (K, V) + 3x2x4 (MLP)
    assertEquals(44, TOY.matmulParameters()); // + output head 2x2
    assertEquals(48, TOY.parameters()); // + input embedding 2x2
    assertEquals(88 + 8 * 3, TOY.flopsPerToken(3)); // 2 x 44 + 4 x 1 x 1 x 2 x 3
    assertEquals(4, TOY.kvBytesPerToken(1)); // 1 layer x 1 kv head x 2 x (K, V) x 1 byte
  }

  @Test
  void toyRooflineByHand() {
    Workload w = new Workload(TOY, 1, 1, 2, 3, 2, 1, 1, 1, 1);
    Roofline.Estimate e = Roofline.estimate(w, TOY_CHIP);
    // prefill: 6 tokens x (88 + 8 x 1) = 576 FLOP -> 0.576 s; 44 + 6 x 4 = 68 B -> 0.68 s:
    // memory-bound
    assertEquals(0.576, e.prefill().computeSeconds(), 1e-12);
    assertEquals(0.68, e.prefill().memorySeconds(), 1e-12);
    assertEquals(Roofline.Bound.MEMORY, e.prefill().bound());
    // decode: 2 steps x 2 x (88 + 8 x 3.5) = 464 FLOP -> 0.464 s; 2 x (44 + 2 x 3.5 x 4 + 2 x 4) =
    // 160 B -> 1.6 s
    assertEquals(0.464, e.decode().computeSeconds(), 1e-12);
    assertEquals(1.6, e.decode().memorySeconds(), 1e-12);
    // 2 x (3 + 2) tokens in 2.28 s
    assertEquals(10 / 2.28, e.tokensPerSecond(), 1e-9);
    assertEquals(47, e.maxBatch()); // (1000 - 48) / (5 x 4)
    assertEquals(Roofline.Bound.MEMORY, e.binding());
  }

  @Test
  void computeBoundWhenBandwidthIsAmple() {
    Chip fast = new Chip("fast", 1000, "", 1e12, "", 1e12, "", 1e12, "");
    Workload w = new Workload(TOY, 1, 1, 2, 3, 2, 2, 2, 0.5, 1);
    Roofline.Estimate e = Roofline.estimate(w, fast);
    // compute only: (576 + 464) FLOP over 2 chips x 1000 x 0.5 = 1.04 s for 10 tokens
    assertEquals(10 / 1.04, e.tokensPerSecond(), 1e-6);
    assertEquals(Roofline.Bound.COMPUTE, e.binding());
  }

  @Test
  void llama3ShapesMatchTheirPublishedSizes() {
    assertEquals(8.03e9, ModelShape.LLAMA_3_8B.parameters(), 0.01 * 8.03e9);
    assertEquals(70.6e9, ModelShape.LLAMA_3_70B.parameters(), 0.01 * 70.6e9);
    assertEquals(405.9e9, ModelShape.LLAMA_3_405B.parameters(), 0.01 * 405.9e9);
    assertEquals(
        160 * 1024, ModelShape.LLAMA_3_70B.kvBytesPerToken(1), 1e-9); // 80 x 8 x 128 x 2 x 1 B
    double f = ClaimCheck.averageFlopsPerToken(ModelShape.LLAMA_3_70B, 2048, 128);
    assertEquals(141e9, f, 0.01 * 141e9);
  }

  @Test
  void claimsLandWhereTheArithmeticSays() {
    double perChip =
        500_000 * ClaimCheck.averageFlopsPerToken(ModelShape.LLAMA_3_70B, 2048, 128) / 8;
    assertEquals(8.8e15, perChip, 0.02 * 8.8e15); // reference: ~8.8 PFLOP/s per chip
    Roofline.Estimate h100 =
        Roofline.estimate(Workload.claimConditions(ModelShape.LLAMA_3_70B), Chip.H100_SXM);
    // 8 x 1,979 TFLOP/s / ~141.9 GFLOP per token = 111.6 K tok/s if all compute-bound; decode is
    // partly memory-bound
    assertTrue(
        h100.tokensPerSecond() > 100_000 && h100.tokensPerSecond() < 111_600,
        "H100 roofline " + h100.tokensPerSecond());
    double share = ClaimCheck.H100_TRTLLM_010 / h100.tokensPerSecond();
    assertTrue(share > 0.18 && share < 0.25, "23K is about a fifth of the H100 roofline: " + share);
    assertTrue(500_000 > 4 * h100.tokensPerSecond(), "the claim is more than 4 H100 rooflines");
  }

  @Test
  void weightsThatDoNotFitAreReported() {
    Workload w = new Workload(ModelShape.LLAMA_3_405B, 2, 2, 0, 2048, 128, 1, 1, 1, 1);
    assertEquals(0, Roofline.maxBatch(w, Chip.H100_SXM));
    assertTrue(!Roofline.estimate(w, Chip.H100_SXM).fits());
  }

  @Test
  void attentionEnginesCostTheirOwnCyclesByHand() {
    // one engine of G = 1, D = 2 at 10 Hz, a step of S positions every S + 2 cycles; TOY needs 1
    // step per token
    AttentionEngine engine = new AttentionEngine(1, 1, 2, 2, 10);
    assertEquals(1, engine.stepsPerToken(TOY));
    Chip tile =
        new Chip("tile", 1000, "", 1e12, "", 1e12, "", 1e12, "")
            .withAttention(java.util.List.of(engine));
    Workload w = new Workload(TOY, 1, 1, 2, 3, 2, 1, 1, 1, 1);
    Roofline.Estimate e = Roofline.estimate(w, tile);
    // prefill: 6 tokens at average context 1: 6 x (1 + 2) = 18 cycles = 1.8 s; matmul 6 x 88 FLOP =
    // 0.528 s
    assertEquals(1.8, e.prefill().attentionSeconds(), 1e-12);
    assertEquals(1.8, e.prefill().computeSeconds(), 1e-12);
    // decode: 4 tokens at context 3.5: 4 x 5.5 = 22 cycles = 2.2 s; matmul 4 x 88 FLOP = 0.352 s
    assertEquals(2.2, e.decode().computeSeconds(), 1e-12);
    assertEquals(10 / 4.0, e.tokensPerSecond(), 1e-9);
    // engines fast enough: compute is the matmul FLOPs alone (2 x 44 per token), attention FLOPs
    // are not on the peak
    Chip fastAttention = tile.withAttention(java.util.List.of(engine.times(1e6)));
    Roofline.Estimate f = Roofline.estimate(w, fastAttention);
    assertEquals(0.528, f.prefill().computeSeconds(), 1e-12);
    assertEquals(0.352, f.decode().computeSeconds(), 1e-12);
    assertEquals(10 / 0.88, f.tokensPerSecond(), 1e-6);
  }

  @Test
  void llama70bNeedsOneAttentionStepPerLayerAndKvHead() {
    AttentionEngine unit = new AttentionEngine(1, 8, 128, 163, 1e9);
    assertEquals(80 * 8, unit.stepsPerToken(ModelShape.LLAMA_3_70B));
    // at context 2048 one unit sustains 1e9 / (640 x (2048 + 163)) tok/s
    assertEquals(1e9 / (640.0 * 2211), unit.tokensPerSecond(ModelShape.LLAMA_3_70B, 2048), 1e-9);
  }

  @Test
  void presetsCarryAPeakPerPrecisionWithItsSource() {
    for (String name : new String[] {"h100-sxm", "h200"}) {
      assertEquals(1979e12, Chip.preset(name, Precision.FP8).flops());
      Chip bf16 = Chip.preset(name, Precision.BF16);
      assertEquals(989e12, bf16.flops());
      assertTrue(bf16.flopsSource().contains("989 TFLOP/s dense BF16"), bf16.flopsSource());
    }
    Workload w = Workload.claimConditions(ModelShape.LLAMA_3_70B);
    Workload bf16 = new Workload(w.model(), 2, 2, 0, 2048, 128, 8, 8, 1, 1);
    double t = Roofline.estimate(bf16, Chip.preset("h100-sxm", Precision.BF16)).tokensPerSecond();
    // compute-bound: at most 8 x 989 TFLOP/s / 141.9 GFLOP per token = 55.8K tok/s
    assertTrue(t < 8 * 989e12 / ClaimCheck.claimFlopsPerToken(), "bf16 H100 roofline " + t);
    assertTrue(t > 50_000, "bf16 H100 roofline " + t);
  }

  @Test
  void sohuClaimComputeIsDerivedFromTheModel() {
    double perToken = ClaimCheck.averageFlopsPerToken(ModelShape.LLAMA_3_70B, 2048, 128);
    assertEquals(500_000 * perToken / 8, Chip.SOHU_CLAIM.flops(), 1e-6);
    assertTrue(
        Chip.SOHU_CLAIM
            .flopsSource()
            .contains(String.format(java.util.Locale.ROOT, "%.1f GFLOP/token", perToken / 1e9)),
        Chip.SOHU_CLAIM.flopsSource());
  }

  @Test
  void claimLabelsComeFromTheModel() {
    Roofline.Estimate sohu =
        Roofline.estimate(Workload.claimConditions(ModelShape.LLAMA_3_70B), Chip.SOHU_CLAIM);
    String bound = sohu.binding().name().toLowerCase();
    for (ClaimCheck.Finding f : ClaimCheck.analyze()) {
      if (f.what().contains("HBM traffic")) {
        assertTrue(f.how().contains("(" + bound + "-bound)"), f.how());
      }
      assertTrue(!f.how().contains("HBM-limited") || bound.equals("memory"), f.how());
      assertTrue(!f.how().contains("shared/reference"), f.how());
    }
  }
}

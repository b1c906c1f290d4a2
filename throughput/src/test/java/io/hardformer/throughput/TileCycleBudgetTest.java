package io.hardformer.throughput;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TileCycleBudgetTest {
  static final ModelShape SMALL = new ModelShape("small", 1, 512, 8, 2, 64, 1408, 0, "test");

  @Test
  void matmulCyclesScaleWithTheLayersMatmulFlops() {
    MeasuredUnitCycles m =
        new MeasuredUnitCycles("fma-array", UnitScaling.MATMUL_FLOPS, 1000, SMALL, 64);
    assertEquals(1000, m.cyclesPerToken(SMALL, 64), 1e-9);
    ModelShape big = ModelShape.LLAMA_3_70B;
    double flopsRatio = (double) big.layerMatmulParameters() / SMALL.layerMatmulParameters();
    assertEquals(1000 * flopsRatio * 80, m.cyclesPerToken(big, 2048), 1e-6);
    // context does not move matmul cycles
    assertEquals(m.cyclesPerToken(big, 100), m.cyclesPerToken(big, 4000), 1e-9);
  }

  @Test
  void attentionCyclesScaleWithHeadsTimesContext() {
    MeasuredUnitCycles a =
        new MeasuredUnitCycles("attention", UnitScaling.HEADS_TIMES_CONTEXT, 600, SMALL, 70);
    assertEquals(600 * 2, a.cyclesPerToken(SMALL, 140), 1e-9);
    ModelShape big = ModelShape.LLAMA_3_70B;
    assertEquals(600 * (64.0 * 2048) / (8 * 70) * 80, a.cyclesPerToken(big, 2048), 1e-6);
  }

  @Test
  void attentionStepFinishCyclesScaleWithHeadsNotContext() {
    MeasuredUnitCycles f = new MeasuredUnitCycles("attention", UnitScaling.HEADS, 300, SMALL, 70);
    assertEquals(300, f.cyclesPerToken(SMALL, 4000), 1e-9);
    assertEquals(300 * 64.0 / 8 * 80, f.cyclesPerToken(ModelShape.LLAMA_3_70B, 2048), 1e-6);
  }

  @Test
  void theBusiestUnitKindBindsAndCopiesShareTheWork() {
    List<MeasuredUnitCycles> measured =
        List.of(
            new MeasuredUnitCycles("fma-array", UnitScaling.MATMUL_FLOPS, 1000, SMALL, 64),
            new MeasuredUnitCycles("attention", UnitScaling.HEADS_TIMES_CONTEXT, 300, SMALL, 64),
            new MeasuredUnitCycles("attention", UnitScaling.HEADS_TIMES_CONTEXT, 300, SMALL, 64),
            new MeasuredUnitCycles("vector", UnitScaling.VECTOR_ELEMENTS, 100, SMALL, 64));
    TileCycleBudget one = new TileCycleBudget(SMALL, 64, measured, Map.of());
    assertEquals("fma-array", one.binding().unit());
    assertEquals(1000, one.cyclesPerToken(), 1e-9);
    assertEquals(1000.0 / 1700, one.cycleShare(one.binding()), 1e-12);
    TileCycleBudget two = new TileCycleBudget(SMALL, 64, measured, Map.of("fma-array", 4));
    assertEquals("attention", two.binding().unit()); // 600 cycles beat 1000 / 4
    assertEquals(600, two.cyclesPerToken(), 1e-9);
    assertEquals(1e9 / 600, two.tokensPerSecond(1e9), 1e-6);
  }
}

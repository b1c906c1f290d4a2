package io.hardformer.cli.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hardformer.cli.estimate.DesignBudget;
import io.hardformer.throughput.Chip;
import io.hardformer.throughput.ModelShape;
import io.hardformer.throughput.Precision;
import io.hardformer.throughput.Roofline;
import io.hardformer.throughput.Workload;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The roofline chart's data: every point inside the drawn x range and under its own chip's roof; no
 * duplicates.
 */
class RooflineChartTest {
  @Test
  void everyPointIsDrawnUnderItsRoof() {
    Workload bf16 = new Workload(ModelShape.LLAMA_3_70B, 2, 2, 0, 2048, 128, 8, 8, 1, 1);
    // a generated tile as the chip: 256 matmul FMAs and one 8 x 128 attention unit per copy, 1,728
    // copies
    DesignBudget tile =
        new DesignBudget(
            "tile", 256, 0.47, 4.6e7, 0.99, List.of(new DesignBudget.AttentionUnit(1, 8, 128, 46)));
    for (Roofline.Estimate user :
        List.of(
            Roofline.estimate(Workload.claimConditions(ModelShape.LLAMA_3_70B), Chip.H100_SXM),
            Roofline.estimate(bf16, Chip.preset("h100-sxm", Precision.BF16)),
            Roofline.estimate(
                Workload.claimConditions(ModelShape.LLAMA_3_70B),
                tile.chip(1728, 1e9, Chip.H200)))) {
      List<Roofline.Estimate> configs = ReportWriter.configurations(user);
      double[] x = ReportWriter.intensityRange(configs);
      for (Roofline.Estimate e : configs) {
        int tp = e.workload().tp();
        for (Roofline.Phase p : new Roofline.Phase[] {e.prefill(), e.decode()}) {
          double i = p.intensity(tp);
          double y = p.achievedFlopsPerSecond(tp);
          assertTrue(
              i > x[0] && i < x[1], "intensity " + i + " outside [" + x[0] + ", " + x[1] + "]");
          double roof = Math.min(e.chip().flops(), e.chip().hbmBytesPerSecond() * i);
          assertTrue(
              y <= roof * (1 + 1e-9), e.chip().name() + ": " + y + " above its roof " + roof);
        }
      }
      assertEquals(configs.size(), configs.stream().distinct().count(), "each configuration once");
      assertTrue(configs.contains(user));
    }
    // the default estimate is the h100-sxm preset configuration: listed once, not twice
    Roofline.Estimate def =
        Roofline.estimate(Workload.claimConditions(ModelShape.LLAMA_3_70B), Chip.H100_SXM);
    assertEquals(Chip.presets().size(), ReportWriter.configurations(def).size());
  }

  @Test
  void siLabelsReadAsDecades() {
    assertEquals("1", SiNumberFormat.format1(1));
    assertEquals("100", SiNumberFormat.format1(100));
    assertEquals("10k", SiNumberFormat.format1(1e4));
    assertEquals("1P", SiNumberFormat.format1(1e15));
    assertEquals("1.98P", SiNumberFormat.format1(1979e12));
    assertEquals(List.of(1, 2, 3), DecadeLogAxis.decades(5, 5000));
  }
}

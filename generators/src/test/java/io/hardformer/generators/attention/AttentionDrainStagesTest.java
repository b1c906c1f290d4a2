package io.hardformer.generators.attention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hardformer.generators.catalog.BadParameterException;
import io.hardformer.generators.fp8.FloatPacker;
import io.hardformer.generators.numerics.Fp8Format;
import org.junit.jupiter.api.Test;

/**
 * {@code --drain-stages}: the slices cover the reciprocal, each stage adds one cycle of latency and
 * none of step period (the elaborated unit's manifest latency agrees), and out-of-range values are
 * one clear option error. Bit-exactness at 1, 2, 4 and 27 stages is {@code AttentionTest}'s.
 */
class AttentionDrainStagesTest {
  @Test
  void slicesCoverTheReciprocalMostSignificantFirst() {
    for (int n = 1; n <= AttentionShape.RECIPROCAL_BITS; n++) {
      int sum = 0;
      int previous = Integer.MAX_VALUE;
      for (int i = 0; i < n; i++) {
        int w = AttentionDrainLane.sliceWidth(AttentionShape.RECIPROCAL_BITS, n, i);
        assertTrue(w >= 1 && w <= previous, "N=" + n + " slice " + i + " width " + w);
        previous = w;
        sum += w;
      }
      assertEquals(AttentionShape.RECIPROCAL_BITS, sum, "N=" + n);
    }
  }

  @Test
  void eachStageAddsOneCycleOfLatencyAndNoneOfStepPeriod() {
    AttentionShape one = new AttentionShape(4, 2, Fp8Format.E4M3, FloatPacker.BF16, 1);
    for (int n : new int[] {1, 2, 3, 7}) {
      AttentionShape s = new AttentionShape(4, 2, Fp8Format.E4M3, FloatPacker.BF16, n);
      assertEquals(one.latency() + n - 1, s.latency(), "N=" + n);
      assertEquals(one.cyclesPerStep(10) + n - 1, s.cyclesPerStep(10), "N=" + n);
      assertEquals(one.stepPeriod(10), s.stepPeriod(10), "N=" + n);
      assertEquals(s.latency(), new AttentionUnit(s).freeze().timing().latency(), "N=" + n);
    }
    assertEquals(
        AttentionShape.DEFAULT_DRAIN_STAGES,
        new AttentionShape(4, 2, Fp8Format.E4M3, FloatPacker.BF16).drainStages());
  }

  @Test
  void outOfRangeStagesNameTheOptionAndRange() {
    for (int n : new int[] {0, AttentionShape.RECIPROCAL_BITS + 1}) {
      BadParameterException e =
          assertThrows(
              BadParameterException.class,
              () -> new AttentionGenerator.Parameters(8, 1, "e4m3", "bf16", n));
      assertEquals(
          "option '--drain-stages' must be between 1 and 27, got " + n, e.getMessage(), "N=" + n);
    }
  }
}

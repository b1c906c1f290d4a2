package io.hardformer.testbench.attention;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.hardformer.generators.attention.AttentionPipeline;
import io.hardformer.generators.attention.AttentionShape;
import io.hardformer.generators.fp8.FloatPacker;
import io.hardformer.generators.numerics.Fp8Format;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code attention --pipeline deep} and {@code deep-compact} in Verilator: the same steps as {@link
 * AttentionTest} (random, all scores equal, one dominant key, large negative scores, S = 1, NaN and
 * Inf inputs, with and without bubbles), bit-exact against the same golden model, at each
 * pipeline's contract cycles, at the ends of the drain-stage range (1 and 27) and between, both
 * formats and both output formats; and what each pipeline costs in cycles at D = 128.
 */
@Tag("verilator")
class AttentionDeepPipelineTest {
  static java.util.stream.Stream<Arguments> configs() {
    return java.util.stream.Stream.of(
        Arguments.of(1, 1, Fp8Format.E4M3, FloatPacker.BF16, 1),
        Arguments.of(4, 2, Fp8Format.E4M3, FloatPacker.FP32, 4),
        Arguments.of(3, 3, Fp8Format.E5M2, FloatPacker.FP32, 27),
        Arguments.of(16, 2, Fp8Format.E4M3, FloatPacker.BF16, 2),
        // the carry-save q . k tree at D = 1, 2, 3, 8, 16 in both formats (issue 17)
        Arguments.of(1, 2, Fp8Format.E5M2, FloatPacker.FP32, 1),
        Arguments.of(2, 1, Fp8Format.E4M3, FloatPacker.BF16, 2),
        Arguments.of(2, 2, Fp8Format.E5M2, FloatPacker.BF16, 3),
        Arguments.of(3, 1, Fp8Format.E4M3, FloatPacker.FP32, 2),
        Arguments.of(8, 2, Fp8Format.E4M3, FloatPacker.BF16, 2),
        Arguments.of(8, 1, Fp8Format.E5M2, FloatPacker.FP32, 5),
        Arguments.of(16, 1, Fp8Format.E5M2, FloatPacker.BF16, 2),
        // past 16 lanes: lanes 16-32 take the reciprocal from ReciprocalSelect copies
        Arguments.of(33, 3, Fp8Format.E4M3, FloatPacker.BF16, 2));
  }

  @ParameterizedTest(name = "D={0} G={1} {2} out={3} drain stages {4} deep")
  @MethodSource("configs")
  void bitExactAndOnTime(int dim, int g, Fp8Format f, FloatPacker out, int drainStages) {
    AttentionTest.check(
        new AttentionShape(dim, g, f, out, drainStages).withPipeline(AttentionPipeline.DEEP));
  }

  /** {@code --pipeline deep-compact} (the loops with their shifter) at the ends of its range. */
  @ParameterizedTest(name = "D={0} G={1} {2} out={3} drain stages {4} deep-compact")
  @CsvSource({"1, 1, E4M3, BF16, 1", "4, 2, E5M2, FP32, 27", "16, 1, E4M3, FP32, 2"})
  void compactIsBitExactAndOnTime(int dim, int g, Fp8Format f, FloatPacker out, int drainStages) {
    AttentionTest.check(
        new AttentionShape(dim, g, f, out, drainStages)
            .withPipeline(AttentionPipeline.DEEP_COMPACT));
  }

  /**
   * What the deep pipelines cost in cycles at D = 128, G = 8: in the step period, 13 head stages
   * (scale 2, t 1, exp2 7, term 2, l's leading zeros 1) and with deep's rescaling windows 2 more
   * (the addend's rotation, l's readout); in the latency, those and 5 more drain stages (input 1,
   * resolve 2, rounding 2 more).
   */
  @ParameterizedTest(name = "{0}: step period +{1}")
  @CsvSource({"DEEP, 15", "DEEP_COMPACT, 13"})
  void headStagesInTheStepPeriodAndDrainStagesInTheLatency(AttentionPipeline p, int headStages) {
    AttentionShape d = new AttentionShape(128, 8, Fp8Format.E4M3, FloatPacker.BF16, 2);
    AttentionShape deep = d.withPipeline(p);
    assertEquals(d.stepPeriod(0) + headStages, deep.stepPeriod(0));
    assertEquals(d.latency() + headStages + 1 + 2 + 2, deep.latency());
  }
}

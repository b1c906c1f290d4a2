package io.hardformer.generators.pipelining;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.hardformer.generators.array.AccumulationMode;
import io.hardformer.generators.array.ColumnReadout;
import io.hardformer.generators.array.FmaArray;
import io.hardformer.generators.array.FmaArrayShape;
import io.hardformer.generators.array.FmaCell;
import io.hardformer.generators.attention.AttentionPipeline;
import io.hardformer.generators.attention.AttentionShape;
import io.hardformer.generators.attention.AttentionUnit;
import io.hardformer.generators.catalog.LaneUnits;
import io.hardformer.generators.fp8.ExactDotTree;
import io.hardformer.generators.fp8.FloatPacker;
import io.hardformer.generators.numerics.Fp8Format;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The latency each design declares in its manifest is counted from the stages it builds; the
 * shapes' formulas (used by the throughput models without building hardware) must agree with it
 * everywhere.
 */
class StructuralLatencyTest {
  @Test
  void reductionStagesFollowTheRule() {
    int[] expected = {0, 1, 1, 2, 2, 3, 3, 4};
    for (int levels = 0; levels < expected.length; levels++) {
      assertEquals(
          expected[levels], ReductionPipelining.stages(levels), "stages of " + levels + " levels");
    }
    assertEquals(true, ReductionPipelining.registeredAfter(0, 1));
    assertEquals(false, ReductionPipelining.registeredAfter(0, 3));
    assertEquals(true, ReductionPipelining.registeredAfter(1, 3));
    assertEquals(true, ReductionPipelining.registeredAfter(2, 3));
  }

  @Test
  void dotTreeCountsTheStagesItBuilds() {
    for (int lanes = 1; lanes <= 70; lanes++) {
      ExactDotTree tree = new ExactDotTree(Fp8Format.E4M3, lanes);
      assertEquals(ExactDotTree.latency(lanes), tree.latency, "lanes " + lanes);
      ExactDotTree bare = new ExactDotTree(Fp8Format.E4M3, lanes, false);
      assertEquals(ExactDotTree.latency(lanes, false), bare.latency, "lanes " + lanes);
      assertEquals(tree.latency - 1, bare.latency, "lanes " + lanes + " without product stage");
    }
  }

  @Test
  void carrySaveDotTreeCountsTheStagesItBuilds() {
    for (int lanes = 1; lanes <= 70; lanes++) {
      for (Fp8Format f : Fp8Format.values()) {
        ExactDotTree tree = ExactDotTree.of(f, lanes, true, LaneUnits.BUILT);
        assertEquals(ExactDotTree.carrySaveLatency(lanes), tree.latency, f + " lanes " + lanes);
        ExactDotTree ports = ExactDotTree.of(f, lanes, true, LaneUnits.PORTS_ONLY);
        assertEquals(tree.latency, ports.latency, f + " lanes " + lanes + " ports only");
      }
    }
    // two product stages, ceil(levels / 6) compressor stages, the adder: 3:2 levels 0, 0, 1, 2
    // (4 lanes), 4 (8), 6 (16), 10 (64), 11 (128)
    int[][] expected = {{1, 3}, {2, 3}, {3, 4}, {4, 4}, {8, 4}, {16, 4}, {64, 5}, {128, 5}};
    for (int[] e : expected) {
      assertEquals(e[1], ExactDotTree.carrySaveLatency(e[0]), "lanes " + e[0]);
    }
  }

  @Test
  void columnReadoutCountsTheStagesItBuilds() {
    for (int rows = 1; rows <= 40; rows++) {
      for (AccumulationMode mode : AccumulationMode.values()) {
        FmaArrayShape shape = FmaArrayShape.of(rows, 1, Fp8Format.E4M3, mode, FloatPacker.FP32);
        ColumnReadout r =
            mode == AccumulationMode.FIXED
                ? ColumnReadout.fixed(
                    rows,
                    shape.sumBits(),
                    shape.quantumBits(),
                    2 * Fp8Format.E4M3.quantumExponent(),
                    FloatPacker.FP32)
                : new ColumnReadout(
                    rows,
                    FmaCell.holdBits(mode, shape.sumBits()),
                    mode,
                    2 * Fp8Format.E4M3.quantumExponent(),
                    FloatPacker.FP32);
        assertEquals(ColumnReadout.latency(rows, mode), r.latency, rows + " rows " + mode);
      }
    }
  }

  @Test
  void fmaArrayManifestLatencyIsTheShapeFormula() {
    int[][] shapes = {{1, 1}, {1, 5}, {2, 3}, {4, 4}, {5, 3}, {8, 8}, {9, 2}, {16, 16}, {17, 3}};
    for (int[] rc : shapes) {
      for (AccumulationMode mode : AccumulationMode.values()) {
        FmaArrayShape shape =
            FmaArrayShape.of(rc[0], rc[1], Fp8Format.E5M2, mode, FloatPacker.BF16);
        assertEquals(
            shape.latency(), new FmaArray(shape).freeze().timing().latency(), shape.toString());
      }
    }
  }

  @Test
  void deepAttentionManifestLatencyIsTheShapeFormula() {
    int[][] shapes = {{1, 1}, {2, 1}, {3, 3}, {4, 2}, {8, 1}, {16, 2}, {17, 1}};
    for (int[] dg : shapes) {
      for (Fp8Format f : Fp8Format.values()) {
        for (AttentionPipeline p :
            List.of(AttentionPipeline.DEEP, AttentionPipeline.DEEP_COMPACT)) {
          AttentionShape s = new AttentionShape(dg[0], dg[1], f, FloatPacker.BF16).withPipeline(p);
          assertEquals(
              s.latency(),
              new AttentionUnit(s).freeze().timing().latency(),
              f + " D=" + dg[0] + " G=" + dg[1] + " " + p.cliName());
        }
      }
    }
  }

  @Test
  void attentionManifestLatencyIsTheShapeFormula() {
    int[][] shapes = {{1, 1}, {2, 1}, {3, 3}, {4, 2}, {8, 1}, {16, 2}, {33, 1}};
    for (int[] dg : shapes) {
      AttentionShape s = new AttentionShape(dg[0], dg[1], Fp8Format.E4M3, FloatPacker.BF16);
      assertEquals(
          s.latency(),
          new AttentionUnit(s).freeze().timing().latency(),
          "D=" + dg[0] + " G=" + dg[1]);
    }
  }
}

package io.hardformer.models.llama;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.hardformer.generators.array.AccumulationMode;
import io.hardformer.generators.numerics.Fp8Format;
import io.hardformer.models.golden.GoldenUnits;
import io.hardformer.models.rtl.RtlUnits;
import io.hardformer.models.units.CycleLedger;
import io.hardformer.models.units.TransformerUnits;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A small Llama-3 decoder layer (d-model 64, 2 query heads / 1 kv head of 32, ffn 128, prefill 8, 2
 * decode steps) in {@code rtl} mode (every unit, rope included, in Verilator) and in {@code golden}
 * mode: the layer output bit-identical, and the cycle ledgers equal call by call (unit, label,
 * measured cycles against the contract cycles, and busy cycles, the fma-array's as its weight beats
 * in both modes).
 */
@Tag("verilator")
class LlamaLayerRtlTest {
  @Test
  void rtlAndGoldenGiveBitIdenticalOutputsAndEqualLedgers() {
    LlamaLayerShape shape = new LlamaLayerShape(64, 2, 1, 128, 8, 2);
    LlamaLayerWeights weights = LlamaLayerWeights.random(shape, 1);
    int[][] golden;
    List<CycleLedger.Entry> ge;
    try (TransformerUnits units = new GoldenUnits(8, 8, Fp8Format.E4M3, AccumulationMode.FP32)) {
      golden = new LlamaLayerPipeline(shape, weights, Fp8Format.E4M3, units).run(weights.inputs());
      ge = units.cycles().entries();
    }
    int[][] rtl;
    List<CycleLedger.Entry> re;
    try (TransformerUnits units =
        new RtlUnits(8, 8, Fp8Format.E4M3, AccumulationMode.FP32, shape.headDim())) {
      rtl = new LlamaLayerPipeline(shape, weights, Fp8Format.E4M3, units).run(weights.inputs());
      re = units.cycles().entries();
    }
    assertEquals(golden.length, rtl.length, "tokens");
    for (int t = 0; t < golden.length; t++) {
      assertEquals(golden[t].length, rtl[t].length, "width of token " + t);
      for (int c = 0; c < golden[t].length; c++) {
        if (golden[t][c] != rtl[t][c]) {
          throw new AssertionError(
              String.format(
                  "output[%d][%d]: golden 0x%08x, rtl 0x%08x", t, c, golden[t][c], rtl[t][c]));
        }
      }
    }
    assertEquals(ge.size(), re.size(), "unit calls");
    boolean sawRope = false;
    for (int i = 0; i < ge.size(); i++) {
      CycleLedger.Entry g = ge.get(i);
      CycleLedger.Entry r = re.get(i);
      assertEquals(g.unit() + " " + g.what(), r.unit() + " " + r.what(), "call " + i);
      assertEquals(g.cycles(), r.cycles(), "cycles of call " + i + " (" + g.what() + ")");
      // busy cycles too: the array's are its weight beats (K per tile) in both modes
      assertEquals(g.busyCycles(), r.busyCycles(), "busy cycles of call " + i);
      sawRope |= r.unit().equals("rope");
    }
    assertEquals(true, sawRope, "rope ran in rtl mode");
  }
}

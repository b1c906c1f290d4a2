package io.hardformer.models.minilm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.hardformer.generators.array.AccumulationMode;
import io.hardformer.generators.numerics.Fp8Format;
import io.hardformer.models.golden.GoldenUnits;
import io.hardformer.models.rtl.RtlUnits;
import io.hardformer.models.units.CycleLedger;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * all-MiniLM-L6-v2 on a short sentence in {@code rtl} mode (every unit in Verilator) and in {@code
 * golden} mode: bit-identical embeddings, and the same unit calls in the same order (unit and
 * label), so both modes have the same per-layer structure.
 */
@Tag("verilator")
class MiniLmRtlTest {
  @Test
  void rtlAndGoldenGiveBitIdenticalEmbeddingsAndTheSameCalls() {
    String text = "Hello world.";
    try (MiniLmSession golden =
            new MiniLmSession(
                Fp8Format.E4M3, new GoldenUnits(8, 8, Fp8Format.E4M3, AccumulationMode.FP32));
        RtlUnits units = new RtlUnits(8, 8, Fp8Format.E4M3, AccumulationMode.FP32, 32);
        MiniLmSession rtl = new MiniLmSession(Fp8Format.E4M3, units)) {
      MiniLmResult g = golden.run(text);
      MiniLmResult r = rtl.run(text);
      assertEquals(384, r.embedding().length);
      for (int i = 0; i < g.embedding().length; i++) {
        assertEquals(
            Float.floatToRawIntBits(g.embedding()[i]),
            Float.floatToRawIntBits(r.embedding()[i]),
            "embedding[" + i + "]");
      }
      List<CycleLedger.Entry> ge = g.calls();
      List<CycleLedger.Entry> re = r.calls();
      assertEquals(ge.size(), re.size(), "unit calls");
      for (int i = 0; i < ge.size(); i++) {
        assertEquals(
            ge.get(i).unit() + " " + ge.get(i).what(),
            re.get(i).unit() + " " + re.get(i).what(),
            "call " + i);
      }
      assertEquals(g.cyclesByLayer().keySet(), r.cyclesByLayer().keySet(), "layers");
      for (String layer : g.cyclesByLayer().keySet()) {
        assertEquals(
            g.cyclesByLayer().get(layer).keySet(),
            r.cyclesByLayer().get(layer).keySet(),
            "units of " + layer);
      }
    }
  }
}

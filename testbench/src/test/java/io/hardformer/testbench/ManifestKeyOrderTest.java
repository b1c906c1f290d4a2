package io.hardformer.testbench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hardformer.dsl.elaborate.Elaborator;
import io.hardformer.generators.examples.Counter;
import io.hardformer.rtl.EmitOptions;
import io.hardformer.rtl.VerilogEmitter;
import org.junit.jupiter.api.Test;

/**
 * manifest.json is byte-identical run to run: its objects keep their keys in written order. The
 * clock object was a {@code Map.of}, whose iteration order changes from one JVM to the next (so
 * this test failed in about half of all runs before the fix).
 */
class ManifestKeyOrderTest {
  @Test
  void clockKeysKeepTheirWrittenOrder() {
    String manifest =
        VerilogEmitter.emit(Elaborator.elaborate(new Counter(8)), EmitOptions.defaults())
            .manifest();
    String compact = manifest.replaceAll("\\s+", "");
    assertTrue(compact.contains("\"clock\":{\"name\":\"clk\",\"edge\":\"posedge\"}"), manifest);
  }
}

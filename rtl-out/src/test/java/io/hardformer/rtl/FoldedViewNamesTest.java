package io.hardformer.rtl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hardformer.dsl.Module;
import io.hardformer.dsl.UInt;
import org.junit.jupiter.api.Test;

/**
 * The folded view's own names ({@code *_next}, {@code *_nx}, {@code o__*}, ...) never merge with
 * the design's: a design that already uses one gets no view (its model is built from the modules).
 */
class FoldedViewNamesTest {
  /** A register stage: the smallest foldable cell. */
  static final class Stage extends Module {
    final UInt x = in("x", 8);
    final UInt y = out("y", 8);

    Stage() {
      y.assign(regNext("r", x));
    }

    @Override
    public String kindName() {
      return "stage";
    }
  }

  /** Three stages in a chain; with {@code clash} non-null, one wire takes that name. */
  static final class Chain extends Module {
    final UInt in = in("in", 8);
    final UInt out = out("out", 8);

    Chain(String clash) {
      UInt v = in;
      for (int k = 0; k < 3; k++) {
        Stage s = instance("s" + k, new Stage());
        s.x.assign(v);
        v = s.y;
      }
      if (clash != null) {
        UInt w = wire(clash, 8);
        w.assign(v);
        v = w;
      }
      out.assign(v);
    }
  }

  @Test
  void aChainFolds() {
    EmittedDesign emitted = VerilogEmitter.emit(new Chain(null), EmitOptions.defaults());
    String view =
        VerilogEmitter.foldedView(emitted, 2).orElseThrow().verilog().values().iterator().next();
    assertTrue(view.contains("stage__r_next"), view);
    // split from 2 stages: the upper two on arrays of their own, the output through a shadow
    EmittedDesign split = VerilogEmitter.foldedView(emitted, 2, 2).orElseThrow();
    assertEquals(2, split.viewBlocks());
    String text = split.verilog().values().iterator().next();
    assertTrue(
        text.contains("stage__r_h[") && text.contains("stage__r_sh[2] <= stage__r_h[2];"), text);
  }

  @Test
  void aDesignNameTheViewWouldDeriveGivesNoView() {
    EmittedDesign emitted = VerilogEmitter.emit(new Chain("stage__r_next"), EmitOptions.defaults());
    assertFalse(VerilogEmitter.foldedView(emitted, 2).isPresent());
  }

  @Test
  void aNameOnlyTheSplitDerivesGivesNoViewWhenSplit() {
    EmittedDesign emitted = VerilogEmitter.emit(new Chain("stage__r_h"), EmitOptions.defaults());
    assertFalse(VerilogEmitter.foldedView(emitted, 2, 2).isPresent());
    assertEquals(1, VerilogEmitter.foldedView(emitted, 2, 0).orElseThrow().viewBlocks());
  }
}

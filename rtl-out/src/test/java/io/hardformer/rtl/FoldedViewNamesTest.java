package io.hardformer.rtl;

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

  /**
   * Three stages in a chain; with {@code clash}, one wire takes the name of the view's next value.
   */
  static final class Chain extends Module {
    final UInt in = in("in", 8);
    final UInt out = out("out", 8);

    Chain(boolean clash) {
      UInt v = in;
      for (int k = 0; k < 3; k++) {
        Stage s = instance("s" + k, new Stage());
        s.x.assign(v);
        v = s.y;
      }
      if (clash) {
        UInt w = wire("stage__r_next", 8);
        w.assign(v);
        v = w;
      }
      out.assign(v);
    }
  }

  @Test
  void aChainFolds() {
    EmittedDesign emitted = VerilogEmitter.emit(new Chain(false), EmitOptions.defaults());
    String view =
        VerilogEmitter.foldedView(emitted, 2).orElseThrow().verilog().values().iterator().next();
    assertTrue(view.contains("stage__r_next"), view);
  }

  @Test
  void aDesignNameTheViewWouldDeriveGivesNoView() {
    EmittedDesign emitted = VerilogEmitter.emit(new Chain(true), EmitOptions.defaults());
    assertFalse(VerilogEmitter.foldedView(emitted, 2).isPresent());
  }
}

package io.hardformer.verilator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hardformer.dsl.Definition;
import io.hardformer.dsl.Instance;
import io.hardformer.dsl.Module;
import io.hardformer.dsl.UInt;
import io.hardformer.rtl.EmitOptions;
import io.hardformer.rtl.EmittedDesign;
import io.hardformer.rtl.VerilogEmitter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A large design is Verilated around its outermost repeated module that makes up most of it (a
 * grid's row, not the row's cell), named in a control file that is one of the cached build's
 * inputs.
 */
class HierarchicalBlocksTest {
  /** A register stage: y = a + 1, registered. */
  static final class Stage extends Module {
    final UInt a = in("a", 8);
    final UInt y = out("y", 8);

    Stage() {
      y.assign(regNext("r", a.addWrap(lit(1, 8))));
    }

    @Override
    public String kindName() {
      return "stage";
    }
  }

  /** {@code n} stages in a chain. */
  static final class Line extends Module {
    final UInt a = in("a", 8);
    final UInt y = out("y", 8);

    Line(int n) {
      Definition<Stage> d = definition(Stage::new);
      UInt v = a;
      for (int i = 0; i < n; i++) {
        Instance<Stage> s = instance("stage_" + i, d);
        s.port(m -> m.a).assign(v);
        v = s.port(m -> m.y);
      }
      y.assign(v);
    }

    @Override
    public String kindName() {
      return "line";
    }
  }

  /** {@code rows} lines of {@code cols} stages, side by side. */
  static final class Grid extends Module {
    final UInt a = in("a", 8);
    final UInt y = out("y", 8);

    Grid(int rows, int cols) {
      Definition<Line> d = definition(() -> new Line(cols));
      UInt acc = lit(0, 8);
      for (int i = 0; i < rows; i++) {
        Instance<Line> l = instance("line_" + i, d);
        l.port(m -> m.a).assign(a);
        acc = acc.xor(l.port(m -> m.y));
      }
      y.assign(acc);
    }

    @Override
    public String kindName() {
      return "grid";
    }
  }

  /** One line of {@code cols} stages inside a wrapper of its own. */
  static final class Wrapped extends Module {
    final UInt a = in("a", 8);
    final UInt y = out("y", 8);

    Wrapped(int cols) {
      Instance<Line> l = instance("line", definition(() -> new Line(cols)));
      l.port(m -> m.a).assign(a);
      y.assign(l.port(m -> m.y).addWrap(lit(3, 8)));
    }

    @Override
    public String kindName() {
      return "wrapped";
    }
  }

  /** {@code rows} wrapped lines. */
  static final class WrappedGrid extends Module {
    final UInt a = in("a", 8);
    final UInt y = out("y", 8);

    WrappedGrid(int rows, int cols) {
      Definition<Wrapped> d = definition(() -> new Wrapped(cols));
      UInt acc = lit(0, 8);
      for (int i = 0; i < rows; i++) {
        Instance<Wrapped> w = instance("wrapped_" + i, d);
        w.port(m -> m.a).assign(a);
        acc = acc.xor(w.port(m -> m.y));
      }
      y.assign(acc);
    }
  }

  private static final EmittedDesign GRID =
      VerilogEmitter.emit(new Grid(4, 6), EmitOptions.defaults());

  @Test
  void theOutermostRepeatedModuleThatMakesUpMostOfTheDesignIsTheBlock() {
    assertEquals(Optional.of("line"), HierarchicalBlocks.of(GRID, 10));
  }

  @Test
  void ofTwoModulesWithAsManyInstancesTheOuterIsTheBlock() {
    EmittedDesign d = VerilogEmitter.emit(new WrappedGrid(4, 6), EmitOptions.defaults());
    assertEquals(Optional.of("wrapped"), HierarchicalBlocks.of(d, 10));
  }

  @Test
  void onlyBuildFastBuildsAHugeDesignHierarchically() {
    EmittedDesign huge = VerilogEmitter.emit(new Grid(100, 100), EmitOptions.defaults());
    assertTrue(BuildProfile.flattenedLines(huge) > BuildProfile.O0_ABOVE);
    HarnessSpec spec = HarnessSpec.of(huge, false);
    assertEquals(Optional.of("line"), BuildProfile.BUILD_FAST.hierarchicalBlock(huge));
    assertTrue(ModelCache.flags(huge, spec, BuildProfile.BUILD_FAST).contains("--hierarchical"));
    assertTrue(
        ModelCache.flags(huge, spec, BuildProfile.BUILD_FAST)
            .contains("OPT_FAST=-O1 OPT_SLOW=-O0"));
    assertEquals(Optional.empty(), BuildProfile.RUN_FAST.hierarchicalBlock(huge));
    assertFalse(ModelCache.flags(huge, spec, BuildProfile.RUN_FAST).contains("--hierarchical"));
  }

  @Test
  void smallDesignsStayFlat() {
    long lines = BuildProfile.flattenedLines(GRID);
    assertEquals(Optional.empty(), HierarchicalBlocks.of(GRID, lines));
    assertEquals(Optional.empty(), HierarchicalBlocks.of(GRID));
    assertEquals(
        List.of(),
        ModelCache.flags(GRID, HarnessSpec.of(GRID, false), BuildProfile.BUILD_FAST).stream()
            .filter(f -> f.equals("--hierarchical"))
            .toList());
  }

  @Test
  void aModuleInstantiatedOnceIsNeverTheBlock() {
    EmittedDesign one = VerilogEmitter.emit(new Grid(1, 40), EmitOptions.defaults());
    assertEquals(Optional.of("stage"), HierarchicalBlocks.of(one, 10));
  }

  @Test
  void theControlFileNamesTheBlockAndIsPartOfTheInputsOnlyWhenThereIsOne() {
    assertSame(GRID.verilog(), HierarchicalBlocks.inputs(GRID, Optional.empty()));
    Map<String, String> inputs = HierarchicalBlocks.inputs(GRID, Optional.of("line"));
    assertEquals(
        "`verilator_config\nhier_block -module \"line\"\n",
        inputs.get(HierarchicalBlocks.CONTROL_FILE));
    assertEquals(HierarchicalBlocks.CONTROL_FILE, inputs.keySet().iterator().next());
    assertEquals(GRID.verilog().size() + 1, inputs.size());
    String harness = HarnessGenerator.render(HarnessSpec.of(GRID, false));
    assertNotEquals(
        ModelCache.key("v", BuildProfile.BUILD_FAST, List.of(), harness, GRID.verilog()),
        ModelCache.key("v", BuildProfile.BUILD_FAST, List.of(), harness, inputs));
  }
}

package io.hardformer.verilator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hardformer.dsl.Definition;
import io.hardformer.dsl.Instance;
import io.hardformer.dsl.Module;
import io.hardformer.dsl.UInt;
import io.hardformer.rtl.EmitOptions;
import io.hardformer.rtl.EmittedDesign;
import io.hardformer.rtl.VerilogEmitter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A design Verilated hierarchically (its repeated block compiled once, every instance a call to it)
 * computes exactly what its flattened model computes, cycle by cycle: the threshold override builds
 * a small grid both ways, and random inputs drive both models side by side.
 */
class HierarchicalModelTest {
  /**
   * One cell: a registered sum of a and the low byte of b, and b passed on combinationally with
   * that sum folded into its low byte (a path from the block's inputs to its outputs, the way an
   * FMA row's weights reach its products within the cycle). b is wider than 64 bits, so the block's
   * ports are wide words in C++.
   */
  static final class Cell extends Module {
    final UInt a = in("a", 8);
    final UInt b = in("b", 72);
    final UInt y = out("y", 8);
    final UInt bo = out("bo", 72);

    Cell() {
      UInt sum = a.addWrap(b.trunc(8));
      y.assign(regNext("r", sum));
      bo.assign(b.xor(cat(lit(0, 64), sum)));
    }

    @Override
    public String kindName() {
      return "cell";
    }
  }

  /** {@code n} cells, each one's y and bo the next one's a and b: the repeated block. */
  static final class Line extends Module {
    final UInt a = in("a", 8);
    final UInt b = in("b", 72);
    final UInt y = out("y", 8);
    final UInt bo = out("bo", 72);

    Line(int n) {
      Definition<Cell> d = definition(Cell::new);
      UInt va = a;
      UInt vb = b;
      for (int i = 0; i < n; i++) {
        Instance<Cell> c = instance("cell_" + i, d);
        c.port(m -> m.a).assign(va);
        c.port(m -> m.b).assign(vb);
        va = c.port(m -> m.y);
        vb = c.port(m -> m.bo);
      }
      y.assign(va);
      bo.assign(vb);
    }

    @Override
    public String kindName() {
      return "line";
    }
  }

  /** {@code rows} lines; each line's b is the previous line's bo, registered; outputs xored. */
  static final class Grid extends Module {
    final UInt a = in("a", 8);
    final UInt b = in("b", 72);
    final UInt y = out("y", 8);
    final UInt bo = out("bo", 72);

    Grid(int rows, int cols) {
      Definition<Line> d = definition(() -> new Line(cols));
      UInt ys = lit(0, 8);
      UInt vb = b;
      for (int i = 0; i < rows; i++) {
        Instance<Line> l = instance("line_" + i, d);
        l.port(m -> m.a).assign(a.xor(lit(17L * i, 8)));
        l.port(m -> m.b).assign(vb);
        ys = ys.xor(l.port(m -> m.y));
        UInt lineB = l.port(m -> m.bo);
        vb = regNext("b_" + i, lineB);
      }
      y.assign(ys);
      bo.assign(vb);
    }

    @Override
    public String kindName() {
      return "grid";
    }
  }

  private static final EmittedDesign GRID =
      VerilogEmitter.emit(new Grid(4, 5), EmitOptions.defaults());
  private static final HarnessSpec SPEC = HarnessSpec.of(GRID, false);

  @Test
  void theOverrideMakesASmallDesignHierarchicalWithKeysOfItsOwn() {
    assertEquals(Optional.empty(), BuildProfile.BUILD_FAST.hierarchicalBlock(GRID));
    assertEquals(Optional.of("line"), BuildProfile.BUILD_FAST.hierarchicalBlock(GRID, 0));
    assertEquals(Optional.empty(), BuildProfile.RUN_FAST.hierarchicalBlock(GRID, 0));
    assertTrue(ModelCache.flags(GRID, SPEC, BuildProfile.BUILD_FAST, 0).contains("--hierarchical"));
    assertEquals(
        ModelCache.flags(GRID, SPEC, BuildProfile.BUILD_FAST),
        ModelCache.flags(GRID, SPEC, BuildProfile.BUILD_FAST, BuildProfile.O0_ABOVE));
    assertThrows(
        IllegalArgumentException.class,
        () -> new ModelCache(Path.of("x")).withHierarchicalAbove(-1));
  }

  @Test
  @Tag("verilator")
  void aHierarchicalModelComputesWhatTheFlattenedModelComputesEveryCycle(@TempDir Path root) {
    ModelCache flatCache = new ModelCache(root);
    CompiledModel flat = flatCache.get(GRID, SPEC);
    CompiledModel hier = flatCache.withHierarchicalAbove(0).get(GRID, SPEC);
    assertNotEquals(flat.key(), hier.key(), "two builds, two cache entries");
    PortLayout a = SPEC.input("a");
    PortLayout b = SPEC.input("b");
    PortLayout y = SPEC.output("y");
    PortLayout bo = SPEC.output("bo");
    Random r = new Random(7);
    int changing = 0;
    byte[] previous = null;
    try (SimulationProcess f = SimulationProcess.start(flat, false);
        SimulationProcess h = SimulationProcess.start(hier, false)) {
      for (int cycle = 0; cycle < 200; cycle++) {
        byte[] av = new byte[a.bytes()];
        byte[] bv = new byte[b.bytes()];
        r.nextBytes(av);
        r.nextBytes(bv);
        f.poke(a, av);
        h.poke(a, av);
        f.poke(b, bv);
        h.poke(b, bv);
        byte[] fy = f.peek(y);
        byte[] fb = f.peek(bo);
        assertArrayEquals(fy, h.peek(y), "y at cycle " + cycle);
        assertArrayEquals(fb, h.peek(bo), "bo at cycle " + cycle);
        if (previous != null && !java.util.Arrays.equals(previous, fb)) {
          changing++;
        }
        previous = fb;
        f.step(1);
        h.step(1);
      }
    }
    assertTrue(changing > 150, "the outputs move with the inputs: " + changing + " changes");
  }
}

package io.hardformer.generators.examples;

import io.hardformer.dsl.HwType;
import io.hardformer.dsl.Module;
import io.hardformer.dsl.UInt;
import io.hardformer.dsl.Vec;
import java.util.ArrayList;
import java.util.List;

/**
 * A pipelined binary adder tree: {@code 2^depth} unsigned inputs of {@code width} bits, one
 * register stage per level, full-width sum of {@code width + depth} bits. Latency {@code depth}, II
 * 1. Each level is its own submodule ({@link AdderStage}), so stages of equal width share one
 * Verilog module.
 */
public final class AdderTree extends Module {
  final Vec<UInt> x;
  final UInt sum;

  public AdderTree(int width, int depth) {
    param("width", width);
    param("depth", depth);
    timing(depth, 1);
    x = inVec("x", 1 << depth, HwType.uint(width));
    sum = out("sum", width + depth);
    List<UInt> level = new ArrayList<>(x);
    for (int d = 0; d < depth; d++) {
      List<UInt> next = new ArrayList<>();
      for (int i = 0; i < level.size(); i += 2) {
        AdderStage s = instance("add_l" + d + "_" + (i / 2), new AdderStage(width + d));
        s.a.assign(level.get(i));
        s.b.assign(level.get(i + 1));
        next.add(s.y);
      }
      level = next;
    }
    sum.assign(level.get(0));
  }

  /** One registered adder: {@code y <= a + b}, one bit wider than its inputs. */
  public static final class AdderStage extends Module {
    final UInt a;
    final UInt b;
    final UInt y;

    AdderStage(int width) {
      param("width", width);
      a = in("a", width);
      b = in("b", width);
      y = out("y", width + 1);
      UInt r = reg("r", width + 1, 0);
      r.next(a.add(b));
      y.assign(r);
    }
  }
}

package io.hardformer.dsl.analysis;

import io.hardformer.dsl.elaborate.Design;
import io.hardformer.dsl.elaborate.ModuleDef;
import io.hardformer.dsl.ir.BinaryExpr;
import io.hardformer.dsl.ir.BinaryOp;
import io.hardformer.dsl.ir.Expr;
import io.hardformer.dsl.ir.Signal;
import io.hardformer.dsl.ir.SignalKind;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts over the whole elaborated hierarchy (each module's own hardware times its instance count):
 * instances per module and per kind (e.g. how many FMA cells), register bits, adders (add/sub) by
 * result width, multipliers by operand widths. The area model builds on these.
 */
public record DesignStats(
    Map<String, Long> instancesByModule,
    Map<String, Long> instancesByKind,
    long registerBits,
    Map<Integer, Long> addersByWidth,
    Map<String, Long> multipliersByWidth) {

  public DesignStats {
    instancesByModule = Collections.unmodifiableMap(new TreeMap<>(instancesByModule));
    instancesByKind = Collections.unmodifiableMap(new TreeMap<>(instancesByKind));
    addersByWidth = Collections.unmodifiableMap(new TreeMap<>(addersByWidth));
    multipliersByWidth = Collections.unmodifiableMap(new TreeMap<>(multipliersByWidth));
  }

  public static DesignStats of(Design design) {
    return of(design.modules());
  }

  /**
   * Counts over the given modules, each's hardware times its {@link ModuleDef#instanceCount()} (for
   * one part of a design: its modules with their counts within the part).
   */
  public static DesignStats of(List<ModuleDef> modules) {
    Map<String, Long> byModule = new TreeMap<>();
    Map<String, Long> byKind = new TreeMap<>();
    Map<Integer, Long> adders = new TreeMap<>();
    Map<String, Long> multipliers = new TreeMap<>();
    long regBits = 0;
    for (ModuleDef def : modules) {
      long n = def.instanceCount();
      byModule.merge(def.name(), n, Long::sum);
      byKind.merge(def.body().kindName(), n, Long::sum);
      for (Signal s : def.body().signals()) {
        if (s.kind() == SignalKind.REGISTER) {
          regBits += n * s.width();
        }
      }
      for (Expr e : IrWalk.distinctExpressions(def.body())) {
        if (e instanceof BinaryExpr) {
          BinaryExpr b = (BinaryExpr) e;
          if (b.op() == BinaryOp.ADD || b.op() == BinaryOp.SUB) {
            adders.merge(b.width(), n, Long::sum);
          } else if (b.op() == BinaryOp.MUL) {
            int lo = Math.min(b.left().width(), b.right().width());
            int hi = Math.max(b.left().width(), b.right().width());
            multipliers.merge(hi + "x" + lo, n, Long::sum);
          }
        }
      }
    }
    return new DesignStats(byModule, byKind, regBits, adders, multipliers);
  }

  /** Total instances of modules of the given kind (for example the FMA cell's kind name). */
  public long countOfKind(String kind) {
    return instancesByKind.getOrDefault(kind, 0L);
  }

  public long adderCount() {
    return addersByWidth.values().stream().mapToLong(Long::longValue).sum();
  }

  public long multiplierCount() {
    return multipliersByWidth.values().stream().mapToLong(Long::longValue).sum();
  }
}

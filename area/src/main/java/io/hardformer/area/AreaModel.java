package io.hardformer.area;

import io.hardformer.area.UnitAreaTable.UnitArea;
import io.hardformer.dsl.analysis.DesignStats;
import io.hardformer.dsl.elaborate.Design;
import io.hardformer.dsl.elaborate.Elaborator;
import io.hardformer.dsl.elaborate.ModuleDef;
import io.hardformer.dsl.ir.Instance;
import io.hardformer.dsl.ir.ModuleBody;
import io.hardformer.dsl.ir.Signal;
import io.hardformer.dsl.ir.SignalKind;
import io.hardformer.generators.catalog.BillOfMaterials;
import io.hardformer.generators.catalog.BillOfMaterials.Gate;
import io.hardformer.generators.catalog.BillOfMaterials.Item;
import io.hardformer.generators.catalog.BillOfMaterials.Part;
import io.hardformer.generators.catalog.BillOfMaterials.Replica;
import io.hardformer.generators.catalog.BillOfMaterials.SubModule;
import io.hardformer.generators.catalog.BillOfMaterials.SynthesizedUnit;
import io.hardformer.generators.catalog.ConfiguredGenerator;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Prices what a generator says its design is made of ({@link BillOfMaterials}): synthesized units
 * from the unit-area table, library gates at {@code hardformer_nand2.lib} ratios, small sub-modules
 * by the IR estimate of one elaborated copy (replicas of one of their instances by that instance's
 * subtree), each times its count. A design whose bill is empty is elaborated whole and estimated
 * from its IR ({@link GateEstimate}).
 */
public final class AreaModel {
  /** {@code hardformer_nand2.lib}: DFF, MUX2, AND2 (a synchronous reset), one incrementer bit. */
  static final double DFF = 5.67;

  static final double MUX2 = 2.33;
  static final double RESET_GATE = 1.33;
  static final double COUNTER_BIT = 8.0;

  private AreaModel() {}

  /**
   * The figures, the NAND2 equivalents by part of the bill (empty for a whole-design estimate) and
   * the report lines: one named unit's cost, then the parts.
   */
  public record Priced(AreaFigures figures, Map<String, Double> breakdown, List<String> notes) {}

  /**
   * The area of a configured generator at a density (million transistors per mm^2). {@code design}
   * is the elaborated design when the caller has it (reused for a whole-design estimate), else
   * null.
   */
  public static Priced of(ConfiguredGenerator<?> g, Design design, double density) {
    BillOfMaterials bill = g.area();
    if (bill.isWholeDesign()) {
      Design d = design != null ? design : Elaborator.elaborate(g.build());
      AreaFigures a = GateEstimate.figures(d, density);
      long fmas = g.fmaCount().orElse(a.fmaCount());
      return new Priced(
          new AreaFigures(fmas, a.registerBits(), a.nand2(), density, a.method()),
          Map.of(),
          List.of());
    }
    return price(bill, g.fmaCount().orElse(0L), UnitAreaTable.bundled(), density);
  }

  /** The bill priced against {@code table}. */
  public static Priced price(
      BillOfMaterials bill, long fmaCount, UnitAreaTable table, double density) {
    Map<String, Double> breakdown = new LinkedHashMap<>();
    Map<SubModule, Design> elaborated = new IdentityHashMap<>();
    long registerBits = 0;
    for (Part p : bill.parts()) {
      double nand2 = 0;
      for (Item item : p.items()) {
        nand2 += nand2(item, table, elaborated);
        registerBits += flipFlops(item, table, elaborated);
      }
      breakdown.put(p.name(), nand2);
    }
    double total = breakdown.values().stream().mapToDouble(Double::doubleValue).sum();
    List<String> notes = new ArrayList<>();
    for (Part p : bill.parts()) {
      for (Item item : p.items()) {
        if (item instanceof SynthesizedUnit u && u.each() != null) {
          double one = table.derived(u.tableKey()).nand2();
          notes.add(
              String.format(
                  Locale.ROOT,
                  "one %s: %,.0f NAND2 eq = %,.0f transistors",
                  u.each(),
                  one,
                  4 * one));
        }
      }
    }
    breakdown.forEach(
        (part, nand2) ->
            notes.add(String.format(Locale.ROOT, "%-22s %,.0f NAND2 eq", part, nand2)));
    return new Priced(
        new AreaFigures(fmaCount, registerBits, total, density, bill.method()), breakdown, notes);
  }

  private static double nand2(Item item, UnitAreaTable table, Map<SubModule, Design> elaborated) {
    if (item instanceof SynthesizedUnit u) {
      return u.count() * table.derived(u.tableKey()).nand2();
    }
    if (item instanceof Gate g) {
      return g.count()
          * switch (g.kind()) {
            case FLIP_FLOP -> DFF;
            case RESET_FLIP_FLOP -> DFF + RESET_GATE;
            case MUX2 -> MUX2;
            case COUNTER_BIT -> DFF + RESET_GATE + COUNTER_BIT;
          };
    }
    if (item instanceof Replica r) {
      Design d = elaborated(r.of(), elaborated);
      return r.count() * subtree(d, instance(d, r), def -> GateEstimate.module(def));
    }
    SubModule s = (SubModule) item;
    return s.count() * GateEstimate.nand2(elaborated(s, elaborated));
  }

  private static long flipFlops(Item item, UnitAreaTable table, Map<SubModule, Design> elaborated) {
    if (item instanceof SynthesizedUnit u) {
      UnitArea a = table.derived(u.tableKey());
      return u.count() * a.flipFlops();
    }
    if (item instanceof Gate g) {
      return g.kind() == BillOfMaterials.GateKind.MUX2 ? 0 : g.count();
    }
    if (item instanceof Replica r) {
      Design d = elaborated(r.of(), elaborated);
      return r.count() * Math.round(subtree(d, instance(d, r), AreaModel::registerBits));
    }
    SubModule s = (SubModule) item;
    return s.count() * DesignStats.of(elaborated(s, elaborated)).registerBits();
  }

  private static Design elaborated(SubModule s, Map<SubModule, Design> elaborated) {
    return elaborated.computeIfAbsent(s, x -> Elaborator.elaborate(x.module().get()));
  }

  /** The body of the top's child instance that a replica copies. */
  private static ModuleBody instance(Design d, Replica r) {
    for (Instance i : d.top().body().instances()) {
      if (i.name().equals(r.instance())) {
        return i.body();
      }
    }
    throw new IllegalStateException(
        "bill of materials: " + r.of().kind() + " has no instance '" + r.instance() + "'");
  }

  /** {@code cost} of a body and of every instance under it, each instance counted. */
  private static double subtree(Design d, ModuleBody body, ToDoubleFunction<ModuleDef> cost) {
    double sum = cost.applyAsDouble(d.defOf(body));
    for (Instance i : body.instances()) {
      sum += subtree(d, i.body(), cost);
    }
    return sum;
  }

  private static double registerBits(ModuleDef def) {
    long bits = 0;
    for (Signal s : def.body().signals()) {
      if (s.kind() == SignalKind.REGISTER) {
        bits += s.width();
      }
    }
    return bits;
  }
}

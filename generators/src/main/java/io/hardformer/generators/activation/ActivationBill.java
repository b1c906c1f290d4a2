package io.hardformer.generators.activation;

import io.hardformer.dsl.Module;
import io.hardformer.generators.catalog.BillOfMaterials;
import io.hardformer.generators.catalog.BillOfMaterials.Part;
import io.hardformer.generators.catalog.BillOfMaterials.Replica;
import io.hardformer.generators.catalog.BillOfMaterials.SubModule;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The area bill of an elementwise activation unit: the unit with one lane (elaborated) plus L - 1
 * replicas of its instance {@code lane0}. Outside the lanes an L-lane unit has only the shared
 * valid and last delays and wiring, so the bill equals the elaborated estimate
 * (ActivationAreaCompositionTest).
 */
final class ActivationBill {
  private ActivationBill() {}

  static BillOfMaterials of(String kind, Supplier<Module> oneLane, int lanes) {
    SubModule unit = new SubModule(kind, oneLane, 1);
    List<Part> parts = new ArrayList<>();
    parts.add(Part.of("unitWithOneLane", unit));
    if (lanes > 1) {
      parts.add(Part.of("moreLanes", new Replica(unit, "lane0", lanes - 1)));
    }
    return new BillOfMaterials(
        parts,
        "pre-synthesis IR estimate composed from parts (the unit with one lane + L - 1 lanes, "
            + "operator gate counts x instances; the coefficient tables as multiplexer trees of "
            + "constants, before synthesis folds them)");
  }
}

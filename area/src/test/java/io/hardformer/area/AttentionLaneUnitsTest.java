package io.hardformer.area;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.hardformer.generators.attention.AttentionGenerator;
import io.hardformer.generators.attention.AttentionShape;
import io.hardformer.generators.attention.AttentionUnit;
import io.hardformer.generators.catalog.BillOfMaterials;
import io.hardformer.generators.catalog.BillOfMaterials.Part;
import io.hardformer.generators.catalog.BillOfMaterials.Replica;
import io.hardformer.generators.catalog.BillOfMaterials.SubModule;
import io.hardformer.generators.catalog.ConfiguredGenerator;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The attention bill prices the heads' q . k products and the unit's D output roundings from one
 * elaborated copy each instead of building them (the unit is elaborated with port-only lane units):
 * part by part it must equal the bill with everything built inside the elaborated unit (the unit
 * with one head + G - 1 replicas of it), which {@link AttentionAreaCompositionTest} compares with
 * the whole design. With {@code --pipeline deep} the products are the carry-save tree's {@link
 * io.hardformer.generators.fp8.Fp8ExactTermStages}.
 */
class AttentionLaneUnitsTest {
  @ParameterizedTest
  @CsvSource({
    "1, 1, e4m3, default",
    "4, 1, e5m2, default",
    "4, 3, e4m3, default",
    "8, 2, e5m2, default",
    "16, 4, e4m3, default",
    "1, 1, e5m2, deep",
    "4, 3, e4m3, deep",
    "16, 2, e5m2, deep"
  })
  void eachPartEqualsTheBillWithRealProducts(int dim, int heads, String format, String pipeline) {
    AttentionGenerator.Parameters p =
        new AttentionGenerator.Parameters(dim, heads, format, "bf16", 2, pipeline);
    ConfiguredGenerator<AttentionGenerator.Parameters> g =
        new ConfiguredGenerator<>(new AttentionGenerator(), p);
    AreaModel.Priced now = AreaModel.of(g, null, AreaFigures.DEFAULT_DENSITY_MTR_PER_MM2);

    AttentionShape s = p.shape();
    AttentionShape oneHead =
        new AttentionShape(
            s.headDim(), 1, s.format(), s.outFormat(), s.drainStages(), s.pipeline());
    SubModule unit = new SubModule("attention_unit", () -> new AttentionUnit(oneHead), 1);
    List<Part> parts = new ArrayList<>(List.of(Part.of("unitWithOneHead", unit)));
    if (heads > 1) {
      parts.add(Part.of("moreHeads", new Replica(unit, "head0", heads - 1)));
    }
    AreaModel.Priced real =
        AreaModel.price(
            new BillOfMaterials(parts, g.area().method()),
            s.fmaCount(),
            UnitAreaTable.bundled(),
            AreaFigures.DEFAULT_DENSITY_MTR_PER_MM2);

    assertEquals(real.breakdown().keySet(), now.breakdown().keySet());
    real.breakdown()
        .forEach(
            (part, nand2) -> assertEquals(nand2, now.breakdown().get(part), 1e-9 * nand2, part));
    assertEquals(real.figures().toManifest(), now.figures().toManifest());
  }
}

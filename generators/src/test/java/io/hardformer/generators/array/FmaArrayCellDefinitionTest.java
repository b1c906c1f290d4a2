package io.hardformer.generators.array;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.hardformer.dsl.elaborate.Design;
import io.hardformer.dsl.elaborate.Elaborator;
import io.hardformer.dsl.ir.Instance;
import io.hardformer.dsl.ir.ModuleBody;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The array constructs its row, its cell and its column readout once (one shared body each,
 * whatever the cell kind) and instantiates them R, R x C and C times: the cost of `generate
 * fma-array` at scale rests on it (docs/BENCHMARKS.md, "generate fma-array with one cell
 * definition").
 */
class FmaArrayCellDefinitionTest {
  @ParameterizedTest(name = "{0} lanes {1} pipeline {2}")
  @CsvSource({
    "fp32, 1, default",
    "exact, 1, default",
    "exact, 4, default",
    "exact, 1, deep",
    "fixed, 2, default"
  })
  void everyRowSharesOneBodyItsCellsAnotherAndEveryReadoutAThird(
      String acc, int lanes, String pipeline) {
    FmaArrayShape shape =
        new FmaArrayGenerator.Parameters(3, 4, "e4m3", acc, "fp32", 65536, lanes, 13, 0, pipeline)
            .shape();
    Design d = Elaborator.elaborate(new FmaArray(shape));
    List<Instance> children = d.top().body().instances();
    Set<ModuleBody> rows = Collections.newSetFromMap(new IdentityHashMap<>());
    Set<ModuleBody> cells = Collections.newSetFromMap(new IdentityHashMap<>());
    Set<ModuleBody> readouts = Collections.newSetFromMap(new IdentityHashMap<>());
    int rowCount = 0;
    int cellCount = 0;
    for (Instance i : children) {
      if (i.name().startsWith("row_")) {
        rows.add(i.body());
        rowCount++;
        assertFalse(i.ownsBody(), i.name() + " has ports of its own");
        for (Instance c : i.body().instances()) {
          if (c.name().startsWith("cell_")) {
            cells.add(c.body());
            cellCount++;
            assertFalse(c.ownsBody(), i.name() + "." + c.name() + " has ports of its own");
          }
        }
      } else if (i.name().startsWith("readout_")) {
        readouts.add(i.body());
      }
    }
    assertEquals(3, rowCount);
    assertEquals(12, cellCount);
    assertEquals(1, rows.size(), "one constructed row");
    assertEquals(1, cells.size(), "one constructed cell");
    assertEquals(1, readouts.size(), "one constructed readout");
    assertEquals("fma_row", d.defOf(rows.iterator().next()).name());
    assertEquals(3, d.defOf(rows.iterator().next()).instanceCount());
    assertEquals(12, d.defOf(cells.iterator().next()).instanceCount());
    assertEquals(4, d.defOf(readouts.iterator().next()).instanceCount());
  }
}

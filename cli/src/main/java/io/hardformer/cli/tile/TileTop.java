package io.hardformer.cli.tile;

import io.hardformer.dsl.Module;
import io.hardformer.dsl.check.VerilogKeywords;
import java.util.List;

/**
 * The tile's top module {@code tile_top}: one instance of every unit, named after the unit ({@link
 * #instanceName}), with every port of the unit brought out as a top port prefixed by that name
 * ({@code fma_array_in_valid}). Only the clock and reset are wired: every unit runs on the top's
 * {@code clk} and {@code rst}. The units' dataflow is not fixed in hardware (the host schedules
 * data between them), so no unit's output is wired to another's input. Elaborated as one design,
 * the tile gets design-wide module names: structurally identical modules of two units are one
 * module, differently built ones that share a kind get distinct names.
 */
final class TileTop extends Module {
  /** The Verilog name of the tile's top module. */
  static final String MODULE = "tile_top";

  /** A unit: its name in the tile config and its hardware, constructed and not yet adopted. */
  record Part(String unitName, Module hardware) {}

  TileTop(List<Part> parts) {
    for (Part p : parts) {
      String name = instanceName(p.unitName());
      exposePorts(name + "_", instance(name, p.hardware()));
    }
  }

  @Override
  public String kindName() {
    return MODULE;
  }

  /**
   * The unit's instance name in {@code tile_top} and the prefix of its ports: the unit name with
   * '.' and '-' as '_', after {@code u_} when it starts with a digit or is a reserved word ({@code fma-array} ->
   * {@code fma_array}).
   */
  static String instanceName(String unitName) {
    String s = unitName.replaceAll("[^A-Za-z0-9_]", "_");
    return Character.isDigit(s.charAt(0)) || VerilogKeywords.isKeyword(s) ? "u_" + s : s;
  }
}

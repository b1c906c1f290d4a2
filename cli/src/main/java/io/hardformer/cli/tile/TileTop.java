package io.hardformer.cli.tile;

import io.hardformer.dsl.Module;
import java.util.List;

/**
 * The tile's top module {@code tile_top}: one instance of every unit, named after the unit ({@link
 * #instanceName}: {@code u_fma_array}), with every port of the unit brought out as a top port
 * prefixed by the unit's name ({@link #portPrefix}: {@code fma_array_in_valid}). Only the clock and
 * reset are wired: every unit runs on the top's {@code clk} and {@code rst}. The units' dataflow is
 * not fixed in hardware (the host schedules data between them), so no unit's output is wired to
 * another's input. Elaborated as one design, the tile gets design-wide module names: structurally
 * identical modules of two units are one module, differently built ones that share a kind get
 * distinct names.
 */
final class TileTop extends Module {
  /** The Verilog name of the tile's top module. */
  static final String MODULE = "tile_top";

  /** A unit: its name in the tile config and its hardware, constructed and not yet adopted. */
  record Part(String unitName, Module hardware) {}

  TileTop(List<Part> parts) {
    for (Part p : parts) {
      exposePorts(portPrefix(p.unitName()), instance(instanceName(p.unitName()), p.hardware()));
    }
  }

  @Override
  public String kindName() {
    return MODULE;
  }

  /**
   * The unit's name as a Verilog identifier: '.' and '-' as '_', after {@code u_} when it starts
   * with a digit ({@code fma-array} -> {@code fma_array}). Two units may not share it (the config
   * refuses them).
   */
  static String baseName(String unitName) {
    String s = unitName.replaceAll("[^A-Za-z0-9_]", "_");
    return Character.isDigit(s.charAt(0)) ? "u_" + s : s;
  }

  /**
   * The unit's instance name in {@code tile_top}: {@code u_} and its base name ({@code
   * u_fma_array}), so it never equals a signal inside a unit (Verilator warns when a signal hides
   * an instance of an upper scope) nor a reserved word.
   */
  static String instanceName(String unitName) {
    return "u_" + baseName(unitName);
  }

  /** The prefix of the unit's ports on {@code tile_top}: {@code fma_array_}. */
  static String portPrefix(String unitName) {
    return baseName(unitName) + "_";
  }
}

package io.hardformer.generators.array;

import java.util.Locale;

/**
 * Where the registers that feed an {@link FmaRow}'s logic sit ({@code fma-array --row-ports}).
 *
 * <ul>
 *   <li>{@code WIRED} (the default, today's Verilog): a cell's FP8 product is combinational from
 *       its {@code w_in}, which the row above's weight register drives through the row's {@code
 *       w_in} port, and cell 0's from {@code x_in}, which the array's last skew stage drives.
 *   <li>{@code REGISTERED}: every row owns those registers. Row r holds the weight register that is
 *       row r-1's in {@code WIRED} (row 0 the array's last weight skew stage) and each cell
 *       multiplies its own {@code w_r}; the row registers cell 0's x, valid and last (the array's
 *       last skew stage for that row). Nothing combinational runs from a row's input ports to its
 *       logic, so a hierarchical Verilator build evaluates a row's products once a cycle instead of
 *       on every port change. The same registers (the last row's unused weight register goes; row 0
 *       adds its own copy of the array's valid and last input registers when R &gt; 1) and the same
 *       cycle behaviour: every output equal on every cycle.
 * </ul>
 *
 * <p>Exact-mode dot cells ({@link FmaArrayShape#productsFromPassThrough}) already multiply their
 * own pass-through registers: both values build the same Verilog for them.
 */
public enum RowPorts {
  WIRED,
  REGISTERED;

  public static RowPorts parse(String name) {
    for (RowPorts p : values()) {
      if (p.name().equalsIgnoreCase(name)) {
        return p;
      }
    }
    throw new IllegalArgumentException(
        "unknown row ports '" + name + "'; valid: wired, registered");
  }

  public String cliName() {
    return name().toLowerCase(Locale.ROOT);
  }
}

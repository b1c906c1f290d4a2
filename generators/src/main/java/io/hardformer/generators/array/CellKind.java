package io.hardformer.generators.array;

import io.hardformer.dsl.Bool;
import io.hardformer.dsl.Definition;
import io.hardformer.dsl.Instance;
import io.hardformer.dsl.UInt;
import java.util.function.BiFunction;

/**
 * The cell an {@link FmaArrayShape} calls for (FP32 or exact {@link FmaCell}, {@link FmaDotCell},
 * {@link FmaCarrySaveCell}, {@link FmaCarrySaveDotCell}), defined once: a {@link FmaRow}
 * instantiates it C times.
 */
final class CellKind {
  /** The ports of either cell kind a row wires. */
  record Ports(
      UInt xIn,
      UInt wIn,
      Bool validIn,
      Bool lastIn,
      UInt xOut,
      UInt wOut,
      Bool validOut,
      Bool lastOut,
      UInt hold) {}

  private final int holdBits;
  private final BiFunction<FmaRow, String, Ports> maker;

  private CellKind(int holdBits, BiFunction<FmaRow, String, Ports> maker) {
    this.holdBits = holdBits;
    this.maker = maker;
  }

  static CellKind of(FmaArrayShape shape) {
    if (shape.carrySave() && shape.lanes() > 1) {
      Definition<FmaCarrySaveDotCell> d =
          FmaRow.define(
              () ->
                  new FmaCarrySaveDotCell(
                      shape.format(), shape.lanes(), shape.sumBits(), rowPorts(shape)));
      return new CellKind(
          d.module().hold.width(),
          (row, name) -> {
            Instance<FmaCarrySaveDotCell> c = row.cell(name, d);
            return new Ports(
                c.port(m -> m.xIn),
                c.port(m -> m.wIn),
                c.port(m -> m.validIn),
                c.port(m -> m.lastIn),
                c.port(m -> m.xOut),
                c.port(m -> m.wOut),
                c.port(m -> m.validOut),
                c.port(m -> m.lastOut),
                c.port(m -> m.hold));
          });
    }
    if (shape.carrySave()) {
      Definition<FmaCarrySaveCell> d =
          FmaRow.define(
              () -> new FmaCarrySaveCell(shape.format(), shape.sumBits(), rowPorts(shape)));
      return new CellKind(
          d.module().hold.width(),
          (row, name) -> {
            Instance<FmaCarrySaveCell> c = row.cell(name, d);
            return new Ports(
                c.port(m -> m.xIn),
                c.port(m -> m.wIn),
                c.port(m -> m.validIn),
                c.port(m -> m.lastIn),
                c.port(m -> m.xOut),
                c.port(m -> m.wOut),
                c.port(m -> m.validOut),
                c.port(m -> m.lastOut),
                c.port(m -> m.hold));
          });
    }
    if (shape.dotCells()) {
      Definition<FmaDotCell> d = FmaRow.define(() -> new FmaDotCell(shape));
      return new CellKind(
          d.module().hold.width(),
          (row, name) -> {
            Instance<FmaDotCell> c = row.cell(name, d);
            return new Ports(
                c.port(m -> m.xIn),
                c.port(m -> m.wIn),
                c.port(m -> m.validIn),
                c.port(m -> m.lastIn),
                c.port(m -> m.xOut),
                c.port(m -> m.wOut),
                c.port(m -> m.validOut),
                c.port(m -> m.lastOut),
                c.port(m -> m.hold));
          });
    }
    Definition<FmaCell> d =
        FmaRow.define(
            () -> new FmaCell(shape.format(), shape.mode(), shape.sumBits(), rowPorts(shape)));
    return new CellKind(
        d.module().hold.width(),
        (row, name) -> {
          Instance<FmaCell> c = row.cell(name, d);
          return new Ports(
              c.port(m -> m.xIn),
              c.port(m -> m.wIn),
              c.port(m -> m.validIn),
              c.port(m -> m.lastIn),
              c.port(m -> m.xOut),
              c.port(m -> m.wOut),
              c.port(m -> m.validOut),
              c.port(m -> m.lastOut),
              c.port(m -> m.hold));
        });
  }

  /** The cells' {@link RowPorts}: {@code WIRED} where the option changes nothing. */
  private static RowPorts rowPorts(FmaArrayShape shape) {
    return shape.rowsOwnInputRegisters() ? RowPorts.REGISTERED : RowPorts.WIRED;
  }

  int holdBits() {
    return holdBits;
  }

  Ports instantiate(FmaRow row, String name) {
    return maker.apply(row, name);
  }
}

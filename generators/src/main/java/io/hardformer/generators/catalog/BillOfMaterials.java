package io.hardformer.generators.catalog;

import io.hardformer.dsl.Module;
import java.util.List;
import java.util.function.Supplier;

/**
 * What a design is made of, for the area model to price from counts without elaborating every copy:
 * named parts, each a list of items (leaf units with counts). An empty bill means: elaborate the
 * whole design and estimate it from its IR (small designs).
 */
public record BillOfMaterials(List<Part> parts, String method) {
  public BillOfMaterials {
    parts = List.copyOf(parts);
  }

  /** Elaborate the whole design and estimate it from the IR. */
  public static BillOfMaterials wholeDesign() {
    return new BillOfMaterials(List.of(), "");
  }

  public boolean isWholeDesign() {
    return parts.isEmpty();
  }

  /** One named part of the breakdown: {@code cells}, {@code columnOutputs}, ... */
  public record Part(String name, List<Item> items) {
    public Part {
      items = List.copyOf(items);
    }

    public static Part of(String name, Item... items) {
      return new Part(name, List.of(items));
    }
  }

  /** One kind of leaf with its count; a negative count removes what synthesis removes. */
  public sealed interface Item permits SynthesizedUnit, Gate, SubModule, Replica {}

  /**
   * {@code count} copies of a unit whose synthesized area is a row of the unit-area table; {@code
   * each} names one copy for the area report ({@code "cell"}: "one cell: ... NAND2 eq"), or is
   * null.
   */
  public record SynthesizedUnit(String tableKey, long count, String each) implements Item {
    public SynthesizedUnit(String tableKey, long count) {
      this(tableKey, count, null);
    }
  }

  /** {@code count} library gates of one kind. */
  public record Gate(GateKind kind, long count) implements Item {}

  /** {@code count} copies of a small module, priced by the IR estimate of one elaborated copy. */
  public record SubModule(String kind, Supplier<Module> module, long count) implements Item {}

  /**
   * {@code count} more copies of the child instance named {@code instance} of the top module of
   * {@code of} (elaborated once for both items), priced like {@code of}: a design of G identical
   * parts is priced as one part in place plus G - 1 replicas, and is elaborated with one part only.
   */
  public record Replica(SubModule of, String instance, long count) implements Item {}

  /** Gates of {@code hardformer_nand2.lib} that bills count directly. */
  public enum GateKind {
    /** A flip-flop. */
    FLIP_FLOP,
    /** A flip-flop with a synchronous reset (an AND2 before it). */
    RESET_FLIP_FLOP,
    /** A 2:1 multiplexer bit. */
    MUX2,
    /** A counter bit: flip-flop, reset gate and one incrementer bit. */
    COUNTER_BIT
  }
}

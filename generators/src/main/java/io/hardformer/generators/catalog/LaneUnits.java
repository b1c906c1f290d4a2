package io.hardformer.generators.catalog;

/**
 * Whether a design builds its per-lane units (the N exact products of a dot-product tree, the D
 * drain lanes of the attention unit) or only their ports, for an area bill that prices the N units
 * from one elaborated copy instead of constructing all N. The surrounding logic is the same either
 * way; a port-only unit has no logic (zero area, no registers, no multipliers) and is never
 * emitted.
 */
public enum LaneUnits {
  /** The design itself. */
  BUILT,
  /** Each per-lane unit as its ports only, outputs tied to zero. */
  PORTS_ONLY
}

package io.hardformer.generators.fp8;

/**
 * What each lane of an {@link ExactDotTree} instantiates: the exact product, or only its ports
 * ({@link Fp8ExactProductPorts}) for an area bill that prices the N products from one elaborated
 * copy instead of constructing all N.
 */
public enum ProductLanes {
  /** One {@link Fp8ExactProduct} per lane: the design itself. */
  EXACT,
  /**
   * One {@link Fp8ExactProductPorts} per lane: the tree's own logic exactly as with {@link #EXACT},
   * the lanes without logic (zero area, no registers, no multipliers). Never emitted.
   */
  PORTS_ONLY
}

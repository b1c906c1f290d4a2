package io.hardformer.dsl.ir;

/** One-operand operators and their result widths. */
public enum UnaryOp {
  /** Bitwise complement; width of the operand. */
  NOT,
  /** AND of all bits; 1 bit. */
  AND_REDUCE,
  /** OR of all bits; 1 bit. */
  OR_REDUCE,
  /** XOR of all bits (parity); 1 bit. */
  XOR_REDUCE;

  public int resultWidth(int operand) {
    return this == NOT ? operand : 1;
  }
}

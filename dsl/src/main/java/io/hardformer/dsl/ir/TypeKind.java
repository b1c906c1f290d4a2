package io.hardformer.dsl.ir;

/**
 * The hardware type families. Only {@link #SINT} is signed; the others are unsigned bit vectors.
 */
public enum TypeKind {
  BOOL,
  BITS,
  UINT,
  SINT;

  public boolean signed() {
    return this == SINT;
  }
}

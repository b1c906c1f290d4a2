package io.hardformer.dsl;

/**
 * Where the leaves of a bundle come from while its constructor runs: declared signals, slices of a
 * bit vector (a view), the fieldwise result of an operator, or placeholders that only measure the
 * layout.
 */
interface FieldMaker {
  /** The leaf at {@code path} (nested names joined by {@code _}) of {@code type}. */
  <T extends Data<T>> T make(String path, HwType<T> type);
}

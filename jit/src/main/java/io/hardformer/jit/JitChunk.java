package io.hardformer.jit;

/**
 * One generated method of a {@link JitSimulator}: a run of combinational drivers in dependency
 * order, or of register next-state computations. Values live in arrays: {@code narrow} holds
 * signals of at most 64 bits, {@code wide} the wider ones (see {@link JitOps}); register
 * next-states go to {@code nextNarrow} and {@code nextWide}.
 */
interface JitChunk {
  void run(long[] narrow, long[][] wide, long[] nextNarrow, long[][] nextWide, boolean reset);
}

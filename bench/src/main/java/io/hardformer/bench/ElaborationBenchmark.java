package io.hardformer.bench;

/** Placeholder replaced below. */
final class ElaborationBenchmark {
  private ElaborationBenchmark() {}

  static void run(String[] args) {
    throw new UnsupportedOperationException();
  }
}

package io.hardformer.cli.explore;

/**
 * {@code --shard I/N}: shard I (1-based) of N takes every point whose index (0-based, in sweep
 * order) mod N equals I - 1. {@code 1/1} is the whole sweep.
 */
public record ShardSpec(int index, int count) {
  public static final ShardSpec WHOLE = new ShardSpec(1, 1);

  public ShardSpec {
    if (count < 1) {
      throw new IllegalArgumentException("N must be at least 1, got " + index + "/" + count);
    }
    if (index < 1 || index > count) {
      throw new IllegalArgumentException(
          "I must be between 1 and N, got " + index + "/" + count + "; shards are 1/N .. N/N");
    }
  }

  /**
   * Parses {@code I/N}.
   *
   * @throws IllegalArgumentException saying what is wrong
   */
  public static ShardSpec parse(String text) {
    String[] f = text.strip().split("/", -1);
    if (f.length != 2) {
      throw new IllegalArgumentException("'" + text + "' is not I/N (such as 2/8)");
    }
    try {
      return new ShardSpec(Integer.parseInt(f[0]), Integer.parseInt(f[1]));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "'" + text + "' is not I/N with whole numbers (such as 2/8)");
    }
  }

  /** True when the point with this index (0-based) belongs to the shard. */
  public boolean includes(int pointIndex) {
    return pointIndex % count == index - 1;
  }

  @Override
  public String toString() {
    return index + "/" + count;
  }
}

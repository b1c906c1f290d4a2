package io.hardformer.generators.array;

/**
 * How deeply an FMA cell is pipelined ({@code fma-array --pipeline}): {@code DEFAULT} is today's
 * cell; {@code DEEP} is the carry-save cell of exact mode ({@link FmaCarrySaveCell}), whose deepest
 * stage is a few gate levels, at one more cycle of cell latency and a longer readout (the column
 * resolves the carry-save sum, {@link CarrySaveResolver}). docs/PROTOCOLS.md, "FMA array, deep
 * pipeline".
 */
public enum CellPipeline {
  DEFAULT,
  DEEP;

  public static CellPipeline parse(String name) {
    for (CellPipeline p : values()) {
      if (p.name().equalsIgnoreCase(name)) {
        return p;
      }
    }
    throw new IllegalArgumentException("unknown pipeline '" + name + "'; valid: default, deep");
  }

  public String cliName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}

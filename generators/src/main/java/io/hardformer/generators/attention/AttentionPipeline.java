package io.hardformer.generators.attention;

/**
 * How deeply the attention unit is pipelined ({@code attention --pipeline}): {@code DEFAULT} is the
 * unit as it has been; {@code DEEP} registers every long step so that no register-to-register path
 * is deeper than about 30 FO4 at 0.18 um: the exp2 step in {@link StagedExp2Unit}'s stages, the
 * drain's product kept in carry-save form and resolved in two stages, the rounding in {@link
 * io.hardformer.generators.floating.AdjustedStagedFixedToFloat}'s four. The same output bits; more
 * cycles (docs/PROTOCOLS.md, docs/BENCHMARKS.md "Attention at <= 30 FO4").
 */
public enum AttentionPipeline {
  DEFAULT,
  DEEP;

  public static AttentionPipeline parse(String name) {
    for (AttentionPipeline p : values()) {
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

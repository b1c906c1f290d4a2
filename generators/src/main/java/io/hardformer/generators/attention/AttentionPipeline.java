package io.hardformer.generators.attention;

/**
 * How deeply the attention unit is pipelined ({@code attention --pipeline}): {@code DEFAULT} is the
 * unit as it has been; {@code DEEP} registers every long step so that no register-to-register path
 * is deeper than about 30 FO4 at 0.18 um: the exp2 step in {@link StagedExp2Unit}'s stages, the
 * accumulate loops in {@link RescalingWindow}s, the drain's product kept in carry-save form and
 * resolved in two stages, the rounding in {@link
 * io.hardformer.generators.floating.AdjustedStagedFixedToFloat}'s four. The same output bits; more
 * cycles and area (docs/PROTOCOLS.md, docs/BENCHMARKS.md "Attention at <= 30 FO4" and "Attention's
 * accumulate loops in rescaling windows"). {@code DEEP_COMPACT} ({@code deep-compact}) is {@code
 * DEEP} with the accumulate loops as they are by default, a shifter and an add in one cycle (about
 * 38 FO4): two cycles fewer and about a third of deep's extra area.
 */
public enum AttentionPipeline {
  DEFAULT,
  DEEP,
  DEEP_COMPACT;

  public static AttentionPipeline parse(String name) {
    for (AttentionPipeline p : values()) {
      if (p.cliName().equals(name)) {
        return p;
      }
    }
    throw new IllegalArgumentException(
        "unknown pipeline '" + name + "'; valid: " + String.join(", ", cliNames()));
  }

  /** Every pipeline's {@link #cliName}, in declaration order. */
  public static String[] cliNames() {
    return java.util.Arrays.stream(values()).map(AttentionPipeline::cliName).toArray(String[]::new);
  }

  public String cliName() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }
}

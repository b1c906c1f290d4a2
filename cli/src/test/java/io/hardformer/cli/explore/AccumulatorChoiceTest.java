package io.hardformer.cli.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hardformer.generators.array.AccumulationMode;
import org.junit.jupiter.api.Test;

/** {@code --acc} values and {@code --shard I/N}. */
class AccumulatorChoiceTest {
  @Test
  void parsesEveryForm() {
    assertEquals(
        new AccumulatorChoice(AccumulationMode.FP32, 0, 0), AccumulatorChoice.parse("fp32"));
    assertEquals(
        new AccumulatorChoice(AccumulationMode.EXACT, 0, 0), AccumulatorChoice.parse("exact"));
    assertEquals(
        new AccumulatorChoice(AccumulationMode.FIXED, 13, 0), AccumulatorChoice.parse("fixed"));
    assertEquals(
        new AccumulatorChoice(AccumulationMode.FIXED, 25, 0), AccumulatorChoice.parse("fixed:25"));
    AccumulatorChoice deepSeek = AccumulatorChoice.parse("fixed:13:128");
    assertEquals(new AccumulatorChoice(AccumulationMode.FIXED, 13, 128), deepSeek);
    assertEquals("fixed:13:128", deepSeek.toString());
  }

  @Test
  void refusesWithTheReason() {
    assertTrue(msg("bf16").contains("unknown accumulator 'bf16'"));
    assertTrue(msg("fp32:13").contains("only fixed takes bits"));
    assertTrue(msg("fixed:x").contains("B must be a whole number"));
    assertTrue(msg("fixed:13:1:2").contains("too many"));
    assertTrue(msg("fixed:99").contains("--acc-bits"));
  }

  @Test
  void shardsTakeIndexModN() {
    ShardSpec s = ShardSpec.parse("2/3");
    assertTrue(s.includes(1) && s.includes(4) && !s.includes(0) && !s.includes(2));
    assertTrue(ShardSpec.WHOLE.includes(0) && ShardSpec.WHOLE.includes(7));
    for (String bad : new String[] {"0/3", "4/3", "1/0", "2", "a/b", "1/2/3"}) {
      assertThrows(IllegalArgumentException.class, () -> ShardSpec.parse(bad), bad);
    }
  }

  private static String msg(String acc) {
    return assertThrows(IllegalArgumentException.class, () -> AccumulatorChoice.parse(acc))
        .getMessage();
  }
}

package io.hardformer.dsl.check;

import java.util.List;

/**
 * The registry of built-in rules, in the order they run. Fresh instances for every elaboration run.
 */
public final class Rules {
  private Rules() {}

  public static List<Rule> builtIn() {
    return List.of(
        new BadWidthRule(),
        new SliceRangeRule(),
        new WidthMismatchRule(),
        new DuplicateNameRule(),
        new KeywordNameRule(),
        new ForeignSignalRule(),
        new MultipleDriversRule(),
        new UnconnectedRule(),
        new UndrivenReadRule(),
        new LatchRule(),
        new CombinationalLoopRule());
  }
}

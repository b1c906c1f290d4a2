package io.hardformer.generators.catalog;

import java.util.Locale;

/**
 * The checks parameter records run in their compact constructors: a range of integers, a choice
 * among names. Each throws a {@link BadParameterException} naming the option, what it accepts and
 * what it got.
 */
public final class ParameterCheck {
  private ParameterCheck() {}

  /** {@code value} if {@code min <= value <= max}. */
  public static int range(String option, int value, int min, int max) {
    if (value < min || value > max) {
      throw new BadParameterException(
          option,
          "option '" + option + "' must be between " + min + " and " + max + ", got " + value);
    }
    return value;
  }

  /** The allowed name that {@code value} spells (case-insensitive), in the allowed spelling. */
  public static String choice(String option, String value, String... allowed) {
    for (String a : allowed) {
      if (a.equalsIgnoreCase(value)) {
        return a;
      }
    }
    throw new BadParameterException(
        option,
        "option '"
            + option
            + "' must be one of "
            + String.join(", ", allowed)
            + ", got '"
            + value
            + "'");
  }

  /** The option name of a record component: {@code headDim} is {@code --head-dim}. */
  public static String optionName(String component) {
    StringBuilder b = new StringBuilder("--");
    for (char c : component.toCharArray()) {
      if (Character.isUpperCase(c)) {
        b.append('-').append(Character.toLowerCase(c));
      } else {
        b.append(c);
      }
    }
    return b.toString().toLowerCase(Locale.ROOT);
  }
}

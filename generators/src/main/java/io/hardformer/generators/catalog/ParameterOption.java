package io.hardformer.generators.catalog;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;

/**
 * One option of a generator as the command line and config files see it, read from a component of
 * the parameter record and its {@link Param}: name ({@code --head-dim}), key ({@code head-dim}),
 * Java type, help text, default (null: required), negatable.
 */
public record ParameterOption(
    String name,
    String component,
    Class<?> type,
    String description,
    String defaultValue,
    boolean negatable) {
  /** The config-file key: the option name without {@code --}. */
  public String key() {
    return name.substring(2);
  }

  public boolean required() {
    return defaultValue == null;
  }

  /** The options of a parameter record, in component order. */
  public static List<ParameterOption> of(Class<? extends Record> parameters) {
    List<ParameterOption> options = new ArrayList<>();
    for (RecordComponent c : parameters.getRecordComponents()) {
      Param p = c.getAnnotation(Param.class);
      if (p == null) {
        throw new IllegalStateException(
            parameters.getName()
                + "."
                + c.getName()
                + " has no @Param: every component "
                + "of a parameter record is an option");
      }
      if (p.negatable() && c.getType() != boolean.class) {
        throw new IllegalStateException(
            parameters.getName() + "." + c.getName() + ": only boolean options are negatable");
      }
      options.add(
          new ParameterOption(
              ParameterCheck.optionName(c.getName()),
              c.getName(),
              c.getType(),
              p.description(),
              p.defaultValue().isEmpty() ? null : p.defaultValue(),
              p.negatable()));
    }
    return options;
  }
}

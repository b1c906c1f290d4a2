package io.hardformer.generators.catalog;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * One option of a generator, declared on a component of its parameter record. The option's name is
 * the component's name in kebab case ({@code headDim} is {@code --head-dim} on the command line and
 * {@code head-dim} in a tile config file); an empty {@link #defaultValue} makes the option
 * required. {@code ${DEFAULT-VALUE}} in the description is replaced by the default in help text.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Param {
  /** The option's help text. */
  String description();

  /**
   * The value when the option is not given, as it would be typed; empty: the option is required.
   */
  String defaultValue() default "";

  /** boolean options only: {@code --no-<name>} sets false. */
  boolean negatable() default false;
}

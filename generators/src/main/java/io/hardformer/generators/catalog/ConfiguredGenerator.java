package io.hardformer.generators.catalog;

import io.hardformer.dsl.Module;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A generator with valid parameters: what a command line or a tile config unit asks for. Every fact
 * of the unit comes from the descriptor through here, so callers never look at the parameter type.
 */
public record ConfiguredGenerator<P extends Record>(Generator<P> generator, P parameters) {
  /**
   * The generator with parameters built from values by component name (as the command line parsed
   * them).
   *
   * @throws BadParameterException when the parameter record refuses them
   */
  public static <P extends Record> ConfiguredGenerator<P> of(
      Generator<P> generator, Map<String, Object> values) {
    Class<P> type = generator.parameterType();
    RecordComponent[] components = type.getRecordComponents();
    Class<?>[] types = new Class<?>[components.length];
    Object[] args = new Object[components.length];
    for (int i = 0; i < components.length; i++) {
      types[i] = components[i].getType();
      args[i] = values.get(components[i].getName());
      Param param = components[i].getAnnotation(Param.class);
      if (args[i] == null && param != null && !param.defaultValue().isEmpty()) {
        args[i] = defaultValue(types[i], param.defaultValue()); // an option added later
      }
    }
    try {
      Constructor<P> c = type.getDeclaredConstructor(types);
      c.setAccessible(true);
      return new ConfiguredGenerator<>(generator, c.newInstance(args));
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(
          "parameter record " + type.getName() + " has no canonical constructor", e);
    }
  }

  private static Object defaultValue(Class<?> type, String text) {
    if (type == int.class) {
      return Integer.parseInt(text);
    }
    if (type == long.class) {
      return Long.parseLong(text);
    }
    if (type == double.class) {
      return Double.parseDouble(text);
    }
    if (type == boolean.class) {
      return Boolean.parseBoolean(text);
    }
    return text;
  }

  /** The value of a record component by name. */
  static Object component(Record r, String name) {
    for (RecordComponent c : r.getClass().getRecordComponents()) {
      if (c.getName().equals(name)) {
        try {
          c.getAccessor().setAccessible(true);
          return c.getAccessor().invoke(r);
        } catch (ReflectiveOperationException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    throw new IllegalArgumentException(r.getClass().getName() + " has no component " + name);
  }

  public String name() {
    return generator.name();
  }

  public Module build() {
    return generator.build(parameters);
  }

  public Map<String, String> parameterValues() {
    return generator.parameterValues(parameters);
  }

  public Map<String, Object> manifest() {
    return generator.manifest(parameters);
  }

  public BillOfMaterials area() {
    return generator.area(parameters);
  }

  public Optional<Long> fmaCount() {
    return generator.fmaCount(parameters);
  }

  public Optional<MatmulFacts> matmul() {
    return generator.matmul(parameters);
  }

  public Optional<AttentionFacts> attention() {
    return generator.attention(parameters);
  }

  public Optional<Supplier<SelfCheckPlan>> selfCheck() {
    return generator.selfCheck(parameters);
  }
}

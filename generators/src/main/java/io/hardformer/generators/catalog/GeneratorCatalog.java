package io.hardformer.generators.catalog;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * The one list of generators: every {@link Generator} named in a {@code
 * META-INF/services/io.hardformer.generators.catalog.Generator} file on the class path, in catalog
 * order ({@link Generator#catalogOrder}, then name). {@code generate}, {@code area}, {@code
 * timing}, tile config files and the sweep test read it.
 */
public final class GeneratorCatalog {
  private final Map<String, Generator<?>> generators;

  private GeneratorCatalog(List<Generator<?>> list) {
    Map<String, Generator<?>> m = new LinkedHashMap<>();
    for (Generator<?> g : list) {
      Generator<?> before = m.putIfAbsent(g.name(), g);
      if (before != null) {
        throw new IllegalStateException(
            "two generators named '"
                + g.name()
                + "': "
                + before.getClass().getName()
                + " and "
                + g.getClass().getName());
      }
      ParameterOption.of(
          g.parameterType()); // a component without @Param fails here, not in a command
    }
    this.generators = m;
  }

  /**
   * The generators on the class path of this class's loader (the thread's context loader when set).
   */
  public static GeneratorCatalog load() {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    return of(
        ServiceLoader.load(
            Generator.class, loader == null ? GeneratorCatalog.class.getClassLoader() : loader));
  }

  @SuppressWarnings("rawtypes")
  static GeneratorCatalog of(ServiceLoader<Generator> loader) {
    List<Generator<?>> list = new ArrayList<>();
    for (Generator<?> g : loader) {
      list.add(g);
    }
    list.sort(
        Comparator.<Generator<?>>comparingInt(Generator::catalogOrder)
            .thenComparing(Generator::name));
    return new GeneratorCatalog(list);
  }

  /** The generators in catalog order. */
  public List<Generator<?>> all() {
    return List.copyOf(generators.values());
  }

  /** The names in catalog order. */
  public List<String> names() {
    return List.copyOf(generators.keySet());
  }

  public Optional<Generator<?>> find(String name) {
    return Optional.ofNullable(generators.get(name));
  }
}

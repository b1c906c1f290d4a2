package io.hardformer.generators.catalog;

import io.hardformer.dsl.Module;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The descriptor of one generator: everything {@code generate}, {@code area}, {@code timing}, tile
 * config files and the sweep test know about it. A new generator is a descriptor, its module
 * classes and one line in {@code META-INF/services/io.hardformer.generators.catalog.Generator}
 * (docs/ADDING_A_GENERATOR.md).
 *
 * <p>The parameters are a record {@code P} whose components carry {@link Param} (option name, help,
 * default) and whose compact constructor validates them ({@link ParameterCheck}); every other
 * method receives a valid {@code P}.
 *
 * @param <P> the parameter record
 */
public interface Generator<P extends Record> {
  /**
   * The catalog name, the subcommand of {@code generate}, {@code area} and {@code timing}: {@code
   * fma-array}.
   */
  String name();

  /** Position in the catalog (help lists, {@code valid designs: ...}); built-ins use 10, 20, ... */
  int catalogOrder();

  /** The parameter record type. */
  Class<P> parameterType();

  /** Help paragraphs of the design (ports, protocol in one line). */
  List<String> description();

  /**
   * Example command lines for the help footer, each as typed (starting with {@code ./hardformer}).
   */
  List<String> examples();

  /** The hardware. */
  Module build(P p);

  /** The parameters by option key for the header comment and manifest, in option order. */
  default Map<String, String> parameterValues(P p) {
    Map<String, String> m = new LinkedHashMap<>();
    for (ParameterOption o : ParameterOption.of(parameterType())) {
      m.put(o.key(), String.valueOf(ConfiguredGenerator.component(p, o.component())));
    }
    return m;
  }

  /** Manifest sections of the design (protocol, cycleContract, numerics, timingAssumption). */
  default Map<String, Object> manifest(P p) {
    return Map.of();
  }

  /** What the area model prices; by default the IR estimate of the whole elaborated design. */
  default BillOfMaterials area(P p) {
    return BillOfMaterials.wholeDesign();
  }

  /** FMAs counted in the area figures (multiplier nodes of the IR when empty). */
  default Optional<Long> fmaCount(P p) {
    return Optional.empty();
  }

  /** The unit as matmul hardware for the throughput estimate, if it is one. */
  default Optional<MatmulFacts> matmul(P p) {
    return Optional.empty();
  }

  /** The unit as an attention engine for the throughput estimate, if it is one. */
  default Optional<AttentionFacts> attention(P p) {
    return Optional.empty();
  }

  /**
   * A short Verilator run against the golden model (stimulus and expected outputs, computed when
   * the supplier is called); empty without a golden model.
   */
  default Optional<Supplier<SelfCheckPlan>> selfCheck(P p) {
    return Optional.empty();
  }
}

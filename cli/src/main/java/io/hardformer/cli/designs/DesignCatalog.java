package io.hardformer.cli.designs;

import io.hardformer.area.AreaFigures;
import io.hardformer.area.AreaModel;
import io.hardformer.dsl.Module;
import io.hardformer.dsl.elaborate.Design;
import io.hardformer.dsl.elaborate.Elaborator;
import io.hardformer.generators.catalog.ConfiguredGenerator;
import io.hardformer.generators.catalog.Generator;
import io.hardformer.generators.catalog.GeneratorCatalog;
import io.hardformer.rtl.EmitOptions;
import io.hardformer.rtl.EmittedDesign;
import io.hardformer.rtl.VerilogEmitter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import picocli.CommandLine;

/**
 * The cli's view of the {@link GeneratorCatalog}: every generator as a subcommand of {@code
 * generate}, {@code area} and {@code timing} ({@link #withDesigns}), and generation of a configured
 * generator into files in memory ({@link #generate}); the caller writes them ({@link
 * GeneratedUnit#writeInto}).
 */
public final class DesignCatalog {
  private static final GeneratorCatalog CATALOG = GeneratorCatalog.load();

  private DesignCatalog() {}

  /** The generators, in catalog order. */
  public static GeneratorCatalog catalog() {
    return CATALOG;
  }

  /**
   * {@code command} (generate, area or timing) with every generator of the catalog as a subcommand.
   */
  public static CommandLine withDesigns(CommandLine command) {
    for (Generator<?> g : CATALOG.all()) {
      command.addSubcommand(g.name(), new CommandLine(GeneratorCommand.spec(g)));
    }
    return command;
  }

  /** The design names, in catalog order. */
  public static List<String> names() {
    return CATALOG.names();
  }

  /** The generator of a name, if the catalog has it. */
  public static Optional<Generator<?>> find(String design) {
    return CATALOG.find(design);
  }

  /**
   * Elaborates and emits with the area and design sections in the manifest (in memory; nothing is
   * written). With {@code timing}, the design is timed and a {@code timing} section added.
   */
  static GeneratedUnit generate(
      ConfiguredGenerator<?> g, BiFunction<EmittedDesign, Double, TimingFigures> timing) {
    return generate(g, g.build(), timing);
  }

  /**
   * As {@link #generate(ConfiguredGenerator)}, on hardware already built from {@code g} that may be
   * instantiated in a larger design (the tile adopts it first): built once, elaborated alone here
   * and again inside the larger design, with the same Verilog as a fresh build.
   */
  public static GeneratedUnit generateFrom(ConfiguredGenerator<?> g, Module built) {
    return generate(g, built, null);
  }

  private static GeneratedUnit generate(
      ConfiguredGenerator<?> g,
      Module built,
      BiFunction<EmittedDesign, Double, TimingFigures> timing) {
    Design design = Elaborator.elaborate(built);
    AreaFigures a = AreaModel.of(g, design, AreaFigures.DEFAULT_DENSITY_MTR_PER_MM2).figures();
    EmitOptions options = emitOptions(g, a);
    Map<String, Object> extras = g.manifest();
    EmittedDesign d = VerilogEmitter.emit(design, options);
    if (timing != null) {
      // the Verilog does not depend on the manifest, so the timed design is the one written
      Map<String, Object> t = timing.apply(d, a.nand2()).toJson();
      extras = new LinkedHashMap<>(extras);
      extras.put("timing", t);
      d = VerilogEmitter.emit(design, options.withManifestExtra("timing", t));
    }
    return new GeneratedUnit(g, d, a, extras);
  }

  /**
   * The generator name and parameters for the header, and the manifest sections of a design: area,
   * attention engines when it is one, and the descriptor's own (protocol, cycle contract, ...).
   */
  public static EmitOptions emitOptions(ConfiguredGenerator<?> g, AreaFigures a) {
    EmitOptions options = EmitOptions.forGenerator(g.name(), g.parameterValues());
    options = options.withManifestExtra("area", GeneratedUnit.areaManifest(a, g));
    if (g.attention().isPresent()) {
      options =
          options.withManifestExtra("attentionEngines", List.of(g.attention().get().toManifest()));
    }
    for (Map.Entry<String, Object> e : g.manifest().entrySet()) {
      options = options.withManifestExtra(e.getKey(), e.getValue());
    }
    return options;
  }

  /** A configured generator into files in memory, without timing (the tile's units). */
  public static GeneratedUnit generate(ConfiguredGenerator<?> g) {
    return generate(g, null);
  }
}
